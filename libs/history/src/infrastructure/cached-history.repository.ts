import { randomUUID } from 'node:crypto';

import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

import { Mood } from '@vexora/shared';

import {
  HistoryEntry,
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
 * never served; without a generation (no detection lately) nothing is
 * cached, as a reader cannot know whether a detection is being saved. Cache trouble is logged and the database answers instead.
 */
@Injectable()
export class CachedHistoryRepository extends HistoryRepository {
  private readonly logger = new Logger(CachedHistoryRepository.name);

  constructor(
    private readonly database: TypeormHistoryRepository,
    @Inject(CACHE_MANAGER) private readonly cache: Cache,
  ) {
    super();
  }

  async save(detection: NewDetection): Promise<SavedDetection> {
    const saved = await this.database.save(detection);
    await this.attempt('invalidate', () =>
      this.cache.set(
        this.generationKey(detection.userUuid),
        randomUUID(),
        GENERATION_TTL_MS,
      ),
    );

    return saved;
  }

  async listForUser(userUuid: string): Promise<HistoryEntry[]> {
    const entries = await this.cached(userUuid, 'list', () =>
      this.database.listForUser(userUuid),
    );

    return entries.map(reviveEntry);
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
    const generation = await this.attempt('read', () =>
      this.cache.get<string>(this.generationKey(userUuid)),
    );
    const key = `history:${userUuid}:${generation ?? 'none'}:${name}`;
    const hit = generation
      ? await this.attempt('read', () => this.cache.get<T>(key))
      : undefined;
    if (hit !== undefined && hit !== null) {
      return hit;
    }

    const value = await load();
    if (generation && value !== null) {
      await this.attempt('write', () =>
        this.cache.set(key, value, CACHE_TTL_MS),
      );
    }

    return value;
  }

  private generationKey(userUuid: string): string {
    return `history:${userUuid}:generation`;
  }

  private async attempt<T>(
    action: string,
    operation: () => Promise<T>,
  ): Promise<T | undefined> {
    try {
      return await operation();
    } catch (error) {
      this.logger.warn(
        `History cache ${action} failed, using the database: ${String(error)}`,
      );

      return undefined;
    }
  }
}
