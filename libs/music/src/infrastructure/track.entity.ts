import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A catalogue row; the schema lives in the migrations, not here. */
@Entity({ name: 'tracks' })
@Index('tracks_valence_energy_idx', ['valence', 'energy'])
@Index('tracks_genre_idx', ['genre'])
export class TrackEntity {
  @Column({ type: 'real' })
  acousticness: number;

  @Column({ name: 'album_name', type: 'text' })
  albumName: string;

  /** Artist names joined by `;`, as in the source CSV. */
  @Column({ type: 'text' })
  artists: string;

  @Column({ type: 'real' })
  danceability: number;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Column({ type: 'real' })
  energy: number;

  @Column({ type: 'boolean' })
  explicit: boolean;

  @Column({ type: 'varchar', length: 64 })
  genre: string;

  /** Spotify track id, 22 base62 characters. */
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Column({ type: 'real' })
  instrumentalness: number;

  @Column({ type: 'smallint' })
  key: number;

  @Column({ type: 'real' })
  liveness: number;

  /** Decibels. */
  @Column({ type: 'real' })
  loudness: number;

  @Column({ type: 'smallint' })
  mode: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'smallint' })
  popularity: number;

  /** Folded title, artists, album and genre; see foldText. */
  @Column({ name: 'search_text', type: 'text', select: false })
  searchText: string;

  @Column({ type: 'real' })
  speechiness: number;

  /** Beats per minute; 0 when it could not be estimated. */
  @Column({ type: 'real' })
  tempo: number;

  @Column({ name: 'thumbnail_url', type: 'text', nullable: true })
  thumbnailUrl: string | null;

  @Column({ name: 'time_signature', type: 'smallint' })
  timeSignature: number;

  @Column({ type: 'real' })
  valence: number;
}
