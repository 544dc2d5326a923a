import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInitialSchema1764790000000 implements MigrationInterface {
  name = 'CreateInitialSchema1764790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(50) NOT NULL,
        email varchar(254) NOT NULL,
        username varchar(30) NOT NULL,
        password_hash text NOT NULL,
        profile_picture text,
        file_id text,
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_email_key ON users (lower(email))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_username_key ON users (lower(username))`,
    );

    await queryRunner.query(`
      CREATE TABLE tracks (
        id varchar(22) PRIMARY KEY,
        name text NOT NULL,
        artists text NOT NULL,
        album_name text NOT NULL,
        genre varchar(64) NOT NULL,
        popularity smallint NOT NULL,
        duration_ms integer NOT NULL,
        explicit boolean NOT NULL,
        danceability real NOT NULL,
        energy real NOT NULL,
        key smallint NOT NULL,
        loudness real NOT NULL,
        mode smallint NOT NULL,
        speechiness real NOT NULL,
        acousticness real NOT NULL,
        instrumentalness real NOT NULL,
        liveness real NOT NULL,
        valence real NOT NULL,
        tempo real NOT NULL,
        time_signature smallint NOT NULL,
        thumbnail_url text,
        search_text text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX tracks_valence_energy_idx ON tracks (valence, energy)`,
    );
    await queryRunner.query(`CREATE INDEX tracks_genre_idx ON tracks (genre)`);

    await queryRunner.query(`
      CREATE TABLE history (
        uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
        mood varchar(16) NOT NULL
          CHECK (mood IN ('happy', 'sad', 'angry', 'neutral')),
        scores jsonb NOT NULL,
        face_box jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX history_user_created_idx ON history (user_uuid, created_at DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE history_tracks (
        uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        history_uuid uuid NOT NULL REFERENCES history (uuid) ON DELETE CASCADE,
        position smallint NOT NULL,
        track_id varchar(64) NOT NULL,
        title text NOT NULL,
        artist text NOT NULL,
        album text NOT NULL DEFAULT '',
        genre varchar(64),
        path text NOT NULL,
        thumbnail text,
        duration_ms integer,
        source varchar(16) NOT NULL DEFAULT 'catalog',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (history_uuid, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE history_tracks`);
    await queryRunner.query(`DROP TABLE history`);
    await queryRunner.query(`DROP TABLE tracks`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
