import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { Mood } from '@vexora/shared';

import type { FaceRegion } from '../domain/history';

@Entity('history')
export class HistoryOrmEntity {
  @PrimaryGeneratedColumn('uuid')
  uuid: string;

  @Column({ name: 'user_uuid', type: 'uuid' })
  userUuid: string;

  @Column({ type: 'varchar', length: 16 })
  mood: Mood;

  @Column({ type: 'jsonb' })
  scores: Record<Mood, number>;

  @Column({ name: 'face_box', type: 'jsonb', nullable: true })
  faceBox: FaceRegion | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => HistoryTrackOrmEntity, (track) => track.history)
  tracks?: HistoryTrackOrmEntity[];
}

@Entity('history_tracks')
export class HistoryTrackOrmEntity {
  @PrimaryGeneratedColumn('uuid')
  uuid: string;

  @Column({ name: 'history_uuid', type: 'uuid' })
  historyUuid: string;

  @ManyToOne(() => HistoryOrmEntity, (history) => history.tracks, {
    onDelete: 'CASCADE',
  })
  @JoinColumn({ name: 'history_uuid' })
  history?: HistoryOrmEntity;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'track_id', type: 'varchar', length: 64 })
  trackId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  artist: string;

  @Column({ type: 'text', default: '' })
  album: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  genre: string | null;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'text', nullable: true })
  thumbnail: string | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ type: 'varchar', length: 16, default: 'catalog' })
  source: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
