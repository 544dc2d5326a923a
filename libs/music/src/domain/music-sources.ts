import { MusicCatalog } from './music-catalog';

/**
 * The catalogues the service reads from, in order of preference: the remote
 * one (Spotify) when configured, else or on its failure the local one.
 */
export abstract class MusicSources {
  /** The local catalogue; always answers. */
  abstract readonly local: MusicCatalog;
  /** Spotify when configured, else null; its calls may reject. */
  abstract readonly remote: MusicCatalog | null;
}
