import { Track } from '../domain/track';
import { artistKeys } from './track-scoring';

export interface ScoredTrack {
  score: number;
  track: Track;
}

export interface SelectionOptions {
  count: number;
  /** At most this many picks share a genre while the candidates allow. */
  maxPerGenre: number;
  random: () => number;
  recentTrackIds: ReadonlySet<string>;
  /** Each pick is drawn from this many best remaining eligible tracks. */
  sampleWindow: number;
}

interface Rule {
  allowRecent: boolean;
  capGenres: boolean;
}

/**
 * Rules are relaxed in order only when the stricter ones cannot fill the
 * list: first the genre cap goes, then recent tracks come back. An artist is
 * never repeated while any other artist is left.
 */
const RULES: readonly Rule[] = [
  { allowRecent: false, capGenres: true },
  { allowRecent: false, capGenres: false },
  { allowRecent: true, capGenres: false },
];

/**
 * Picks `count` tracks, best scores first but sampled within a small window
 * so that different seeds give different lists; deterministic for a given
 * `random`.
 */
export function selectDiverse(
  candidates: readonly ScoredTrack[],
  options: SelectionOptions,
): Track[] {
  const ranked = [...candidates].sort(
    (a, b) => b.score - a.score || compareIds(a.track.id, b.track.id),
  );
  const state = new SelectionState();

  for (const rule of RULES) {
    fill(ranked, state, options, rule, true);
  }

  fill(ranked, state, options, RULES[RULES.length - 1], false);

  return state.picks;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fill(
  ranked: readonly ScoredTrack[],
  state: SelectionState,
  options: SelectionOptions,
  rule: Rule,
  distinctArtists: boolean,
): void {
  while (state.picks.length < options.count) {
    const window = eligibleWindow(
      ranked,
      state,
      options,
      rule,
      distinctArtists,
    );
    if (window.length === 0) {
      return;
    }

    state.add(window[Math.floor(options.random() * window.length)].track);
  }
}

function eligibleWindow(
  ranked: readonly ScoredTrack[],
  state: SelectionState,
  options: SelectionOptions,
  rule: Rule,
  distinctArtists: boolean,
): ScoredTrack[] {
  const window: ScoredTrack[] = [];
  for (const candidate of ranked) {
    if (window.length === options.sampleWindow) {
      break;
    }

    const { track } = candidate;
    const eligible =
      !state.has(track) &&
      (rule.allowRecent || !options.recentTrackIds.has(track.id)) &&
      (!rule.capGenres || state.genreCount(track) < options.maxPerGenre) &&
      (!distinctArtists || !state.sharesArtist(track));
    if (eligible) {
      window.push(candidate);
    }
  }

  return window;
}

class SelectionState {
  readonly picks: Track[] = [];

  private readonly artists = new Set<string>();
  private readonly genres = new Map<string, number>();
  private readonly ids = new Set<string>();

  add(track: Track): void {
    this.picks.push(track);
    this.ids.add(track.id);
    artistKeys(track.artists).forEach((artist) => this.artists.add(artist));
    const genre = track.genre ?? '';
    this.genres.set(genre, (this.genres.get(genre) ?? 0) + 1);
  }

  genreCount(track: Track): number {
    return this.genres.get(track.genre ?? '') ?? 0;
  }

  has(track: Track): boolean {
    return this.ids.has(track.id);
  }

  sharesArtist(track: Track): boolean {
    return artistKeys(track.artists).some((artist) => this.artists.has(artist));
  }
}
