import { Track } from '../domain/track';
import {
  ScoredTrack,
  selectDiverse,
  SelectionOptions,
} from './diverse-selection';
import { seededRandom } from './seeded-random';

function scored(
  id: string,
  score: number,
  artists: string[],
  genre = 'rock',
): ScoredTrack {
  const track: Track = {
    album: 'Album',
    artists,
    durationMs: 1000,
    genre,
    id,
    source: 'catalog',
    thumbnailUrl: null,
    title: id,
    url: `https://open.spotify.com/track/${id}`,
  };

  return { score, track };
}

function options(overrides: Partial<SelectionOptions> = {}): SelectionOptions {
  return {
    count: 3,
    maxPerGenre: 2,
    random: seededRandom(1),
    recentTrackIds: new Set(),
    sampleWindow: 1,
    ...overrides,
  };
}

const ids = (tracks: Track[]) => tracks.map(({ id }) => id);

describe(selectDiverse.name, () => {
  it('should take the best scores first with a window of one', () => {
    const candidates = [
      scored('a', 0.1, ['A'], 'x'),
      scored('b', 0.9, ['B'], 'y'),
      scored('c', 0.5, ['C'], 'z'),
    ];

    expect(ids(selectDiverse(candidates, options({ count: 2 })))).toEqual([
      'b',
      'c',
    ]);
  });

  it('should skip a track sharing any artist, ignoring accents and case', () => {
    const candidates = [
      scored('a', 0.9, ['Beyoncé'], 'x'),
      scored('b', 0.8, ['Jay-Z', 'BEYONCE'], 'y'),
      scored('c', 0.7, ['Other'], 'z'),
    ];

    expect(ids(selectDiverse(candidates, options({ count: 2 })))).toEqual([
      'a',
      'c',
    ]);
  });

  it('should cap a genre while other genres are available', () => {
    const candidates = [
      scored('a', 0.9, ['A'], 'metal'),
      scored('b', 0.8, ['B'], 'metal'),
      scored('c', 0.7, ['C'], 'metal'),
      scored('d', 0.1, ['D'], 'punk'),
    ];

    expect(ids(selectDiverse(candidates, options()))).toEqual(['a', 'b', 'd']);
  });

  it('should avoid recent tracks and take them back only when nothing else is left', () => {
    const candidates = [
      scored('a', 0.9, ['A'], 'x'),
      scored('b', 0.8, ['B'], 'y'),
      scored('c', 0.7, ['C'], 'z'),
    ];

    const picks = selectDiverse(
      candidates,
      options({ recentTrackIds: new Set(['a', 'b']) }),
    );

    expect(ids(picks)).toEqual(['c', 'a', 'b']);
  });

  it('should be deterministic for a seed and vary with it', () => {
    const candidates = Array.from({ length: 40 }, (_, index) =>
      scored(`t${index}`, 1 - index / 100, [`Artist ${index}`], `g${index}`),
    );
    const run = (seed: number) =>
      ids(
        selectDiverse(
          candidates,
          options({ count: 10, random: seededRandom(seed), sampleWindow: 8 }),
        ),
      );

    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });
});
