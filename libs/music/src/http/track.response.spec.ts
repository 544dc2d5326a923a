import { Track } from '../domain/track';
import { toTrackResponse } from './track.response';

const PLACEHOLDER = 'http://127.0.0.1:5555/assets/cover.png';

function track(overrides: Partial<Track> = {}): Track {
  return {
    album: 'Deja Vu',
    artists: ['Crosby, Stills, Nash & Young', 'Neil Young'],
    durationMs: 269173,
    genre: 'psych-rock',
    id: '0gCJkpD0RhF2rjiALLHBQL',
    source: 'catalog',
    thumbnailUrl: null,
    title: 'Almost Cut My Hair',
    url: 'https://open.spotify.com/track/0gCJkpD0RhF2rjiALLHBQL',
    ...overrides,
  };
}

describe(toTrackResponse.name, () => {
  it('should map a track to the wire contract with the placeholder cover', () => {
    expect(toTrackResponse(track(), PLACEHOLDER)).toEqual({
      album: 'Deja Vu',
      artist: 'Crosby, Stills, Nash & Young, Neil Young',
      duration_ms: 269173,
      genre: 'psych-rock',
      id: '0gCJkpD0RhF2rjiALLHBQL',
      path: 'https://open.spotify.com/track/0gCJkpD0RhF2rjiALLHBQL',
      playlist_name: 'Almost Cut My Hair',
      source: 'catalog',
      thumbnail: PLACEHOLDER,
    });
  });

  it('should keep the track cover when it has one', () => {
    const cover = 'https://i.scdn.co/image/abc';

    expect(
      toTrackResponse(track({ thumbnailUrl: cover }), PLACEHOLDER).thumbnail,
    ).toBe(cover);
  });

  it('should never give a null field, even for a track without genre or duration', () => {
    const response = toTrackResponse(
      track({ durationMs: null, genre: null, source: 'spotify' }),
      PLACEHOLDER,
    );

    expect(Object.values(response)).not.toContain(null);
    expect(response.genre).toBe('');
    expect(response.duration_ms).toBe(0);
  });

  it('should give the five contract fields as strings', () => {
    const response = toTrackResponse(track(), PLACEHOLDER);

    for (const key of [
      'id',
      'playlist_name',
      'artist',
      'path',
      'thumbnail',
    ] as const) {
      expect(typeof response[key]).toBe('string');
    }
  });
});
