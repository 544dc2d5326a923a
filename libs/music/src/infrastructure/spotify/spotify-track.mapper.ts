import { Track } from '../../domain/track';
import { SpotifyImage, SpotifyTrack } from './spotify.types';

export const SPOTIFY_ID = /^[0-9A-Za-z]{22}$/;

const SPOTIFY_TRACK_URL = 'https://open.spotify.com/track/';
const HTTP_URL = /^https?:\/\//i;

/** Maps a Spotify track object to a Track, or null when it lacks an id or a name. */
export function toTrack(item: SpotifyTrack | null | undefined): Track | null {
  if (!item || typeof item.id !== 'string' || !SPOTIFY_ID.test(item.id)) {
    return null;
  }

  if (typeof item.name !== 'string') {
    return null;
  }

  const link = item.external_urls?.spotify;

  return {
    album: typeof item.album?.name === 'string' ? item.album.name : '',
    artists: (item.artists ?? [])
      .map((artist) => artist?.name)
      .filter((name): name is string => typeof name === 'string' && !!name),
    durationMs: typeof item.duration_ms === 'number' ? item.duration_ms : null,
    genre: null,
    id: item.id,
    source: 'spotify',
    thumbnailUrl: widestImageUrl(item.album?.images ?? []),
    title: item.name,
    url: isHttpUrl(link) ? link : SPOTIFY_TRACK_URL + item.id,
  };
}

/** Spotify lists images widest first, but says so nowhere: pick by width. */
function widestImageUrl(images: readonly SpotifyImage[]): string | null {
  const usable = images.filter((image) => isHttpUrl(image?.url));
  if (usable.length === 0) {
    return null;
  }

  const widest = usable.reduce((best, image) =>
    (image.width ?? 0) > (best.width ?? 0) ? image : best,
  );

  return widest.url!;
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && HTTP_URL.test(value);
}
