import { randomInt } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';

import {
  MoodCandidate,
  MoodCandidateQuery,
  MoodCandidateSource,
  MusicCatalog,
} from '../domain/music-catalog';
import { foldText } from '../domain/search-text';
import { Track } from '../domain/track';
import { TrackEntity } from './track.entity';
import { TrackMapper } from './track.mapper';

/** How far outside the mood box candidates may lie, in feature units. */
const MOOD_BOX_MARGIN = 0.15;
const MAX_QUERY_WORDS = 8;

/** The local catalogue imported from CSV into PostgreSQL. */
@Injectable()
export class PostgresMusicCatalog
  extends MusicCatalog
  implements MoodCandidateSource
{
  constructor(
    @InjectRepository(TrackEntity)
    private readonly tracks: Repository<TrackEntity>,
  ) {
    super();
  }

  async findById(id: string): Promise<Track | null> {
    const entity = await this.tracks.findOneBy({ id });

    return entity ? TrackMapper.toDomain(entity) : null;
  }

  async findCandidatesByIds(ids: readonly string[]): Promise<MoodCandidate[]> {
    if (ids.length === 0) {
      return [];
    }

    const entities = await this.tracks.findBy({ id: In([...ids]) });

    return entities.map((entity) => TrackMapper.toMoodCandidate(entity));
  }

  async findMoodCandidates(
    query: MoodCandidateQuery,
  ): Promise<MoodCandidate[]> {
    const { energy, valence } = query;
    const entities = await this.tracks
      .createQueryBuilder('track')
      .where('track.valence BETWEEN :valenceMin AND :valenceMax', {
        valenceMax: valence.max + MOOD_BOX_MARGIN,
        valenceMin: valence.min - MOOD_BOX_MARGIN,
      })
      .andWhere('track.energy BETWEEN :energyMin AND :energyMax', {
        energyMax: energy.max + MOOD_BOX_MARGIN,
        energyMin: energy.min - MOOD_BOX_MARGIN,
      })
      .orderBy(
        `power((track.valence - :valenceCentre) / :valenceHalf, 2)
          + power((track.energy - :energyCentre) / :energyHalf, 2)`,
      )
      .addOrderBy('track.id')
      .setParameters({
        energyCentre: (energy.min + energy.max) / 2,
        energyHalf: Math.max((energy.max - energy.min) / 2, 0.01),
        valenceCentre: (valence.min + valence.max) / 2,
        valenceHalf: Math.max((valence.max - valence.min) / 2, 0.01),
      })
      .limit(query.limit)
      .getMany();

    return entities.map((entity) => TrackMapper.toMoodCandidate(entity));
  }

  async random(limit: number, seed = randomInt(2 ** 31)): Promise<Track[]> {
    const entities = await this.tracks
      .createQueryBuilder('track')
      .orderBy('md5(track.id || :seed)')
      .setParameter('seed', String(seed))
      .limit(limit)
      .getMany();

    return entities.map((entity) => TrackMapper.toDomain(entity));
  }

  async search(query: string, limit: number): Promise<Track[]> {
    const words = foldText(query)
      .split(' ')
      .filter(Boolean)
      .slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) {
      return [];
    }

    // Earlier matches rank first: the title leads search_text.
    const entities = await this.tracks
      .createQueryBuilder('track')
      .where('track.search_text LIKE ALL (:patterns::text[])', {
        patterns: words.map((word) => `%${escapeLike(word)}%`),
      })
      .orderBy('strpos(track.search_text, :firstWord)')
      .addOrderBy('track.popularity', 'DESC')
      .addOrderBy('track.id')
      .setParameter('firstWord', words[0])
      .limit(limit)
      .getMany();

    return entities.map((entity) => TrackMapper.toDomain(entity));
  }
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}
