import {
  MoodCandidate,
  MoodCandidateQuery,
  MoodCandidateSource,
} from '../domain/music-catalog';
import { MemoisedMoodCandidates } from './memoised-mood-candidates';

function candidate(id: string): MoodCandidate {
  return { track: { id } } as MoodCandidate;
}

const happy: MoodCandidateQuery = {
  energy: { max: 0.9, min: 0.55 },
  limit: 300,
  valence: { max: 0.95, min: 0.6 },
};

function fakeSource(pool: MoodCandidate[]) {
  return {
    findCandidatesByIds: jest.fn().mockResolvedValue([]),
    findMoodCandidates: jest.fn(async (query: MoodCandidateQuery) =>
      pool.slice(0, query.limit),
    ),
  } satisfies MoodCandidateSource;
}

describe(MemoisedMoodCandidates.name, () => {
  const pool = Array.from({ length: 500 }, (_, index) =>
    candidate(`t${index}`),
  );

  describe('findMoodCandidates', () => {
    it('should query a region once and serve repeats from memory', async () => {
      const source = fakeSource(pool);
      const memoised = new MemoisedMoodCandidates(source);

      const first = await memoised.findMoodCandidates(happy);
      const second = await memoised.findMoodCandidates({
        ...happy,
        limit: 310,
      });

      expect(first).toEqual(pool.slice(0, 300));
      expect(second).toEqual(pool.slice(0, 310));
      expect(source.findMoodCandidates).toHaveBeenCalledTimes(1);
      expect(source.findMoodCandidates).toHaveBeenCalledWith({
        ...happy,
        limit: 400,
      });
    });

    it('should keep regions apart', async () => {
      const source = fakeSource(pool);
      const memoised = new MemoisedMoodCandidates(source);

      await memoised.findMoodCandidates(happy);
      await memoised.findMoodCandidates({
        ...happy,
        valence: { max: 0.3, min: 0 },
      });

      expect(source.findMoodCandidates).toHaveBeenCalledTimes(2);
    });

    it('should query again once the entry has expired', async () => {
      const source = fakeSource(pool);
      let now = 0;
      const memoised = new MemoisedMoodCandidates(source, () => now);

      await memoised.findMoodCandidates(happy);
      now += 5 * 60 * 1000;
      await memoised.findMoodCandidates(happy);

      expect(source.findMoodCandidates).toHaveBeenCalledTimes(2);
    });

    it('should not remember a failed query', async () => {
      const source = fakeSource(pool);
      source.findMoodCandidates.mockRejectedValueOnce(
        new Error('connection lost'),
      );
      const memoised = new MemoisedMoodCandidates(source);

      await expect(memoised.findMoodCandidates(happy)).rejects.toThrow(
        'connection lost',
      );
      await expect(memoised.findMoodCandidates(happy)).resolves.toHaveLength(
        300,
      );
    });

    it('should pass larger requests straight through', async () => {
      const source = fakeSource(pool);
      const memoised = new MemoisedMoodCandidates(source);

      await expect(
        memoised.findMoodCandidates({ ...happy, limit: 450 }),
      ).resolves.toHaveLength(450);
      expect(source.findMoodCandidates).toHaveBeenCalledWith({
        ...happy,
        limit: 450,
      });
    });
  });
});
