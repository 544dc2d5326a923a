import { randomUUID } from 'node:crypto';

import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

import { GuardedCache, Mood } from '@vexora/shared';

import {
  HistoryEntry,
  HistoryPage,
  HistoryTrack,
  MoodPicks,
  NewDetection,
  SavedDetection,
} from '../domain/history';
import { HistoryRepository } from '../domain/history.repository';
import { TypeormHistoryRepository } from './typeorm-history.repository';

const CACHE_TTL_MS = 5 * 60 * 1000;
const GENERATION_TTL_MS = 60 * 60 * 1000;

function reviveEntry(entry: HistoryEntry): HistoryEntry {
  return { ...entry, createdAt: new Date(entry.createdAt) };
}

function reviveTrack(track: HistoryTrack): HistoryTrack {
  return { ...track, createdAt: new Date(track.createdAt) };
}

/**
 * Serves a user's history list and entry tracks from Redis. Keys carry a
 * per-user generation that every new detection replaces, so a stale list is
 * never served; without a generation nothing is cached, because a reader
 * cannot tell whether a detection is being saved at that moment. Cache
 * trouble is logged and the database answers instead.
 *
 * Saving drops the generation before the write and sets a new one after it,
 * so Redis failing between the two leaves no generation and no caching. Only
 * when Redis is unreachable for both calls and then comes back with its data
 * can a list from before the detection be served, for at most `CACHE_TTL_MS`.
 */
@Injectable()
export class CachedHistoryRepository extends HistoryRepository {
  private readonly cache: GuardedCache;

  constructor(
    private readonly database: TypeormHistoryRepository,
    @Inject(CACHE_MANAGER) cache: Cache,
  ) {
    super();
    this.cache = new GuardedCache(
      cache,
      new Logger(CachedHistoryRepository.name),
      'History',
    );
  }

  async save(detection: NewDetection): Promise<SavedDetection> {
    const generationKey = this.generationKey(detection.userUuid);
    await this.cache.del(generationKey);
    const saved = await this.database.save(detection);
    await this.cache.set(generationKey, randomUUID(), GENERATION_TTL_MS);

    return saved;
  }

  async listForUser(
    userUuid: string,
    page: HistoryPage = {},
  ): Promise<HistoryEntry[] | null> {
    const window = `${page.limit ?? 'all'}:${page.before ?? 'newest'}`;
    const entries = await this.cached(userUuid, `list:${window}`, () =>
      this.database.listForUser(userUuid, page),
    );

    return entries ? entries.map(reviveEntry) : null;
  }

  async tracksOf(
    historyUuid: string,
    userUuid: string,
  ): Promise<HistoryTrack[] | null> {
    const tracks = await this.cached(userUuid, `tracks:${historyUuid}`, () =>
      this.database.tracksOf(historyUuid, userUuid),
    );

    return tracks ? tracks.map(reviveTrack) : null;
  }

  mostFrequentMood(userUuid: string): Promise<Mood | null> {
    return this.database.mostFrequentMood(userUuid);
  }

  moodPicks(
    userUuid: string,
    mood: Mood,
    detections: number,
  ): Promise<MoodPicks> {
    return this.database.moodPicks(userUuid, mood, detections);
  }

  recentTrackIds(userUuid: string, detections: number): Promise<Set<string>> {
    return this.database.recentTrackIds(userUuid, detections);
  }

  private async cached<T>(
    userUuid: string,
    name: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const generation = await this.cache.get<string>(
      this.generationKey(userUuid),
    );
    if (!generation) {
      return load();
    }

    const key = `history:${userUuid}:${generation}:${name}`;
    const hit = await this.cache.get<T>(key);
    if (hit !== undefined && hit !== null) {
      return hit;
    }

    const value = await load();
    if (value !== null) {
      await this.cache.set(key, value, CACHE_TTL_MS);
    }

    return value;
  }

  private generationKey(userUuid: string): string {
    return `history:${userUuid}:generation`;
  }
}
