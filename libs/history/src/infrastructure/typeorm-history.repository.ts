import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { isMood, Mood } from '@vexora/shared';
import { Track, TrackSource } from '@vexora/music';

import {
  HistoryEntry,
  HistoryPage,
  HistoryTrack,
  MoodPicks,
  NewDetection,
  SavedDetection,
} from '../domain/history';
import { HistoryRepository } from '../domain/history.repository';
import { HistoryOrmEntity, HistoryTrackOrmEntity } from './history.orm-entity';

function toEntry(entity: HistoryOrmEntity): HistoryEntry {
  return {
    createdAt: entity.createdAt,
    face: entity.faceBox,
    mood: entity.mood,
    scores: entity.scores,
    userUuid: entity.userUuid,
    uuid: entity.uuid,
  };
}

function toHistoryTrack(entity: HistoryTrackOrmEntity): HistoryTrack {
  const track: Track = {
    album: entity.album,
    artists: [entity.artist],
    durationMs: entity.durationMs,
    genre: entity.genre,
    id: entity.trackId,
    source: entity.source as TrackSource,
    thumbnailUrl: entity.thumbnail,
    title: entity.title,
    url: entity.path,
  };

  return {
    createdAt: entity.createdAt,
    historyUuid: entity.historyUuid,
    position: entity.position,
    track,
    uuid: entity.uuid,
  };
}

@Injectable()
export class TypeormHistoryRepository extends HistoryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(HistoryOrmEntity)
    private readonly entries: Repository<HistoryOrmEntity>,
    @InjectRepository(HistoryTrackOrmEntity)
    private readonly tracks: Repository<HistoryTrackOrmEntity>,
  ) {
    super();
  }

  /** Two INSERT … RETURNING statements in one transaction: no reloads. */
  save(detection: NewDetection): Promise<SavedDetection> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(HistoryOrmEntity)
        .values({
          faceBox: detection.face,
          mood: detection.mood,
          scores: detection.scores,
          userUuid: detection.userUuid,
        })
        .returning(['uuid', 'created_at'])
        .execute();
      const { created_at: createdAt, uuid } = inserted.raw[0] as {
        created_at: Date;
        uuid: string;
      };
      const entry: HistoryEntry = {
        createdAt,
        face: detection.face,
        mood: detection.mood,
        scores: detection.scores,
        userUuid: detection.userUuid,
        uuid,
      };
      if (detection.tracks.length === 0) {
        return { entry, tracks: [] };
      }

      const rows = await manager
        .createQueryBuilder()
        .insert()
        .into(HistoryTrackOrmEntity)
        .values(
          detection.tracks.map((track, position) => ({
            album: track.album,
            artist: track.artists.join(', '),
            createdAt,
            durationMs: track.durationMs,
            genre: track.genre,
            historyUuid: uuid,
            path: track.url,
            position,
            source: track.source,
            thumbnail: track.thumbnailUrl,
            title: track.title,
            trackId: track.id,
          })),
        )
        .returning(['uuid'])
        .execute();
      const tracks = detection.tracks.map((track, position) => ({
        createdAt,
        historyUuid: uuid,
        position,
        track,
        uuid: (rows.raw[position] as { uuid: string }).uuid,
      }));

      return { entry, tracks };
    });
  }

  async listForUser(
    userUuid: string,
    page: HistoryPage = {},
  ): Promise<HistoryEntry[] | null> {
    const query = this.entries
      .createQueryBuilder('entry')
      .where('entry.userUuid = :userUuid', { userUuid })
      .orderBy('entry.createdAt', 'DESC')
      .addOrderBy('entry.uuid', 'DESC');

    if (page.before !== undefined) {
      const cursor = await this.entries.exists({
        where: { userUuid, uuid: page.before },
      });
      if (!cursor) {
        return null;
      }

      // Keyset paging in the listing's own order; the cursor's timestamp is
      // compared in PostgreSQL, at its full microsecond precision.
      query.andWhere(
        `(entry.createdAt, entry.uuid) <
          (SELECT cursor.created_at, cursor.uuid FROM history cursor
            WHERE cursor.uuid = :before)`,
        { before: page.before },
      );
    }

    if (page.limit !== undefined) {
      query.limit(page.limit);
    }

    return (await query.getMany()).map(toEntry);
  }

  async tracksOf(
    historyUuid: string,
    userUuid: string,
  ): Promise<HistoryTrack[] | null> {
    const owner = await this.entries.findOne({
      select: { uuid: true },
      where: { userUuid, uuid: historyUuid },
    });
    if (!owner) {
      return null;
    }

    const entities = await this.tracks.find({
      order: { position: 'ASC' },
      where: { historyUuid },
    });

    return entities.map(toHistoryTrack);
  }

  async mostFrequentMood(userUuid: string): Promise<Mood | null> {
    const row = await this.entries
      .createQueryBuilder('history')
      .select('history.mood', 'mood')
      .where('history.user_uuid = :userUuid', { userUuid })
      .groupBy('history.mood')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('max(history.created_at)', 'DESC')
      .limit(1)
      .getRawOne<{ mood: string }>();

    return row && isMood(row.mood) ? row.mood : null;
  }

  async moodPicks(
    userUuid: string,
    mood: Mood,
    detections: number,
  ): Promise<MoodPicks> {
    // Catalogue rows keep every credited artist (";"-separated); the history
    // snapshot only has them joined for display.
    const rows = await this.dataSource.query<
      Array<{ artists: string | null; genre: string | null }>
    >(
      `SELECT DISTINCT tracks.artists, history_tracks.genre
         FROM history_tracks
         LEFT JOIN tracks ON tracks.id = history_tracks.track_id
        WHERE history_tracks.history_uuid IN (
                SELECT uuid FROM history
                 WHERE user_uuid = $1 AND mood = $2
                 ORDER BY created_at DESC LIMIT $3)`,
      [userUuid, mood, detections],
    );

    return {
      artists: rows.flatMap((row) => row.artists?.split(';') ?? []),
      genres: rows.flatMap((row) => (row.genre ? [row.genre] : [])),
    };
  }

  async recentTrackIds(
    userUuid: string,
    detections: number,
  ): Promise<Set<string>> {
    const rows = await this.tracks
      .createQueryBuilder('track')
      .select('track.track_id', 'id')
      .where(
        `track.history_uuid IN (
           SELECT uuid FROM history WHERE user_uuid = :userUuid
           ORDER BY created_at DESC LIMIT :detections)`,
        { detections, userUuid },
      )
      .getRawMany<{ id: string }>();

    return new Set(rows.map((row) => row.id));
  }
}
