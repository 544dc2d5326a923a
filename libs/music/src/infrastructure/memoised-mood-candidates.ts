import {
  MoodCandidate,
  MoodCandidateQuery,
  MoodCandidateSource,
} from '../domain/music-catalog';

/** Candidates fetched per region; requests ask for ~300 plus the user's recent ids. */
const POOL_SIZE = 400;
/** A re-import shows up in recommendations within this time. */
const TTL_MS = 5 * 60 * 1000;

interface Entry {
  candidates: Promise<MoodCandidate[]>;
  expiresAt: number;
}

/**
 * Keeps each mood region's nearest candidates in memory. The region query
 * sorts thousands of rows and its answer only changes with a catalogue
 * import, yet it ran on every detection. Lookups by id pass through.
 */
export class MemoisedMoodCandidates extends MoodCandidateSource {
  private readonly pools = new Map<string, Entry>();

  constructor(
    private readonly source: MoodCandidateSource,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  findCandidatesByIds(ids: readonly string[]): Promise<MoodCandidate[]> {
    return this.source.findCandidatesByIds(ids);
  }

  async findMoodCandidates(
    query: MoodCandidateQuery,
  ): Promise<MoodCandidate[]> {
    if (query.limit > POOL_SIZE) {
      return this.source.findMoodCandidates(query);
    }

    const key = JSON.stringify([query.valence, query.energy]);
    let entry = this.pools.get(key);
    if (!entry || entry.expiresAt <= this.now()) {
      entry = {
        candidates: this.source.findMoodCandidates({
          ...query,
          limit: POOL_SIZE,
        }),
        expiresAt: this.now() + TTL_MS,
      };
      this.pools.set(key, entry);
      // A failed query must not be served from memory for five minutes.
      entry.candidates.catch(() => this.pools.delete(key));
    }

    return (await entry.candidates).slice(0, query.limit);
  }
}
