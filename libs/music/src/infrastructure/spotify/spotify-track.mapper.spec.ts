import { readSpotifyFixture } from '../../../../../test/support/fake-spotify';
import { toTrack } from './spotify-track.mapper';
import { SpotifyTrack } from './spotify.types';

describe(toTrack.name, () => {
  const fixture = () => readSpotifyFixture<SpotifyTrack>('track.json');

  it('should map the fixture track to a Spotify-sourced Track', () => {
    expect(toTrack(fixture())).toEqual({
      album: 'Harbour Light',
      artists: ['Ines Marlowe'],
      durationMs: 251307,
      genre: null,
      id: 'M74UhX5zv4Q7daAYJP07Ax',
      source: 'spotify',
      thumbnailUrl:
        'https://i.scdn.co/image/ab67616d0000b273bf12ad31051a50ecfabf3951',
      title: 'Low Tide Letters',
      url: 'https://open.spotify.com/track/M74UhX5zv4Q7daAYJP07Ax',
    });
  });

  it('should pick the widest image whatever the order', () => {
    const item = fixture();
    item.album!.images = [...item.album!.images!].reverse();

    expect(toTrack(item)?.thumbnailUrl).toBe(
      'https://i.scdn.co/image/ab67616d0000b273bf12ad31051a50ecfabf3951',
    );
  });

  it('should leave the cover null when the album has no images', () => {
    const item = fixture();
    item.album!.images = [];

    expect(toTrack(item)?.thumbnailUrl).toBeNull();
  });

  it('should build the link from the id when external_urls is missing', () => {
    const item = { ...fixture(), external_urls: {} };

    expect(toTrack(item)?.url).toBe(
      'https://open.spotify.com/track/M74UhX5zv4Q7daAYJP07Ax',
    );
  });

  it.each([
    ['null', null],
    ['no id', { name: 'x' }],
    ['a malformed id', { id: 'abc', name: 'x' }],
    ['no name', { id: 'M74UhX5zv4Q7daAYJP07Ax' }],
  ])('should skip an item with %s', (_case, item) => {
    expect(toTrack(item as SpotifyTrack | null)).toBeNull();
  });

  it('should map every track of the Development Mode search page', () => {
    const page = readSpotifyFixture<{ tracks: { items: SpotifyTrack[] } }>(
      'search-tracks.dev-mode.json',
    );

    const tracks = page.tracks.items.map((item) => toTrack(item));

    expect(tracks).toHaveLength(10);
    for (const track of tracks) {
      expect(track?.url).toMatch(/^https:\/\/open\.spotify\.com\/track\//);
      expect(track?.thumbnailUrl).toMatch(/^https:\/\/i\.scdn\.co\/image\//);
      expect(track?.artists.length).toBeGreaterThan(0);
    }
  });
});
