import { MoodCandidate } from '../domain/music-catalog';
import { Track } from '../domain/track';
import { TrackEntity } from './track.entity';

const SPOTIFY_TRACK_URL = 'https://open.spotify.com/track/';

export class TrackMapper {
  static toDomain(entity: TrackEntity): Track {
    return {
      album: entity.albumName,
      artists: entity.artists.split(';'),
      durationMs: entity.durationMs,
      genre: entity.genre,
      id: entity.id,
      source: 'catalog',
      thumbnailUrl: entity.thumbnailUrl,
      title: entity.name,
      url: SPOTIFY_TRACK_URL + entity.id,
    };
  }

  static toMoodCandidate(entity: TrackEntity): MoodCandidate {
    return {
      features: {
        acousticness: entity.acousticness,
        danceability: entity.danceability,
        energy: entity.energy,
        tempo: entity.tempo,
        valence: entity.valence,
      },
      popularity: entity.popularity,
      track: TrackMapper.toDomain(entity),
    };
  }
}
