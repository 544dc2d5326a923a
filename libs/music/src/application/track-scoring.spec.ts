import { MoodCandidate } from '../domain/music-catalog';
import { MOOD_PROFILES } from './mood-profiles';
import {
  AFFINITY_ARTIST_BONUS,
  AFFINITY_GENRE_BONUS,
  featureFit,
  GENRE_BONUS,
  scoreCandidate,
} from './track-scoring';

function candidate(
  overrides: Partial<MoodCandidate['features']> = {},
  genre = 'j-pop',
): MoodCandidate {
  return {
    features: {
      acousticness: 0.2,
      danceability: 0.72,
      energy: 0.72,
      tempo: 120,
      valence: 0.8,
      ...overrides,
    },
    popularity: 0,
    track: {
      album: 'Album',
      artists: ['Beyoncé', 'Jay-Z'],
      durationMs: 1000,
      genre,
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
      source: 'catalog',
      thumbnailUrl: null,
      title: 'Title',
      url: 'https://open.spotify.com/track/AAAAAAAAAAAAAAAAAAAAAA',
    },
  };
}

describe(scoreCandidate.name, () => {
  const happy = MOOD_PROFILES.happy;

  it('should give a perfect feature fit of 1 at the mood targets', () => {
    expect(featureFit(candidate().features, happy)).toBeCloseTo(1, 10);
  });

  it('should score a track further from the targets lower', () => {
    const near = scoreCandidate(candidate({ valence: 0.7 }), happy);
    const far = scoreCandidate(candidate({ valence: 0.2 }), happy);

    expect(near).toBeGreaterThan(far);
  });

  it('should ignore an unknown tempo of 0 instead of punishing it', () => {
    expect(featureFit(candidate({ tempo: 0 }).features, happy)).toBeCloseTo(
      1,
      10,
    );
  });

  it('should add the genre bonus for the mood genres only', () => {
    const plain = scoreCandidate(candidate({}, 'j-pop'), happy);
    const hinted = scoreCandidate(candidate({}, 'dance'), happy);

    expect(hinted - plain).toBeCloseTo(GENRE_BONUS, 10);
  });

  it('should add the user affinity for a known artist, compared without accents or case', () => {
    const affinity = {
      artists: new Set(['beyonce']),
      genres: new Set(['j-pop']),
    };

    const boosted = scoreCandidate(candidate(), happy, affinity);

    expect(boosted - scoreCandidate(candidate(), happy)).toBeCloseTo(
      AFFINITY_ARTIST_BONUS + AFFINITY_GENRE_BONUS,
      10,
    );
  });
});
