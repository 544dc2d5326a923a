import { Injectable, Logger } from '@nestjs/common';

import { NotFoundError } from '@vexora/shared';

import { MusicCatalog } from '../domain/music-catalog';
import { MusicSources } from '../domain/music-sources';
import { Track, TrackSource } from '../domain/track';

/** Tracks per random playlist or search answer: one Spotify page. */
export const BROWSE_LIMIT = 10;

export interface BrowseResult {
  /** Which catalogue served the answer. */
  source: TrackSource;
  tracks: Track[];
}

/**
 * Random playlist, search and lookup for the browsing routes: Spotify
 * answers when configured, and any failure of it (down, refusing, rate
 * limited) hands the request to the local catalogue instead of failing it.
 */
@Injectable()
export class BrowseMusicUseCase {
  private readonly logger = new Logger(BrowseMusicUseCase.name);

  constructor(private readonly sources: MusicSources) {}

  async findById(id: string): Promise<BrowseResult> {
    // Spotify knows every track the catalogue holds: its "not found" stands.
    const result = await this.fromFirstAvailable('lookup', async (catalog) => {
      const track = await catalog.findById(id);

      return track ? [track] : [];
    });
    if (result.tracks.length === 0) {
      throw new NotFoundError('No track with this id');
    }

    return result;
  }

  random(seed?: number): Promise<BrowseResult> {
    return this.fromFirstAvailable(
      'random playlist',
      (catalog) => catalog.random(BROWSE_LIMIT, seed),
      // A random page past the end of a genre is empty: let the catalogue fill in.
      { emptyFallsBack: true },
    );
  }

  search(query: string): Promise<BrowseResult> {
    return this.fromFirstAvailable('search', (catalog) =>
      catalog.search(query, BROWSE_LIMIT),
    );
  }

  private async fromFirstAvailable(
    action: string,
    load: (catalog: MusicCatalog) => Promise<Track[]>,
    options: { emptyFallsBack?: boolean } = {},
  ): Promise<BrowseResult> {
    const { local, remote } = this.sources;
    if (remote) {
      try {
        const tracks = await load(remote);
        if (tracks.length > 0 || !options.emptyFallsBack) {
          return { source: 'spotify', tracks };
        }
      } catch (error) {
        this.logger.warn(
          `Spotify ${action} failed, the catalogue answers: ${describe(error)}`,
        );
      }
    }

    return { source: 'catalog', tracks: await load(local) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
