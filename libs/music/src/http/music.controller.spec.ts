import 'reflect-metadata';

import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { AppConfig, loadConfig, NotFoundError } from '@vexora/shared';
import { HttpModule } from '@vexora/shared/http/http.module';

import {
  BrowseMusicUseCase,
  BrowseResult,
} from '../application/browse-music.use-case';
import { Track } from '../domain/track';
import { MusicController } from './music.controller';

const TRACK_ID = '0gCJkpD0RhF2rjiALLHBQL';
const PLACEHOLDER = 'http://127.0.0.1:5555/assets/cover.png';

function track(overrides: Partial<Track> = {}): Track {
  return {
    album: 'Deja Vu',
    artists: ['Crosby, Stills, Nash & Young'],
    durationMs: 269173,
    genre: 'psych-rock',
    id: TRACK_ID,
    source: 'catalog',
    thumbnailUrl: null,
    title: 'Almost Cut My Hair',
    url: `https://open.spotify.com/track/${TRACK_ID}`,
    ...overrides,
  };
}

const result = (source: BrowseResult['source'] = 'catalog'): BrowseResult => ({
  source,
  tracks: [track({ source })],
});

describe(MusicController.name, () => {
  let app: INestApplication;
  const browse = {
    findById: jest.fn(),
    random: jest.fn(),
    search: jest.fn(),
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [HttpModule],
      controllers: [MusicController],
      providers: [
        { provide: AppConfig, useValue: loadConfig(process.env) },
        { provide: BrowseMusicUseCase, useValue: browse },
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    jest.resetAllMocks();
  });

  const expectError = (body: unknown, message: RegExp) =>
    expect(body).toEqual({
      data: null,
      message: expect.stringMatching(message),
      shouldNotify: true,
      success: false,
    });

  describe('GET /spotify/random-playlist', () => {
    it('should answer the wire shape with the placeholder cover and the source', async () => {
      browse.random.mockResolvedValue(result('catalog'));

      const response = await request(app.getHttpServer())
        .get('/spotify/random-playlist?refresh=true&user_id=42')
        .set('Content-Type', 'application/json')
        .expect(200);

      expect(response.body).toEqual({
        data: {
          music: [
            {
              album: 'Deja Vu',
              artist: 'Crosby, Stills, Nash & Young',
              duration_ms: 269173,
              genre: 'psych-rock',
              id: TRACK_ID,
              path: `https://open.spotify.com/track/${TRACK_ID}`,
              playlist_name: 'Almost Cut My Hair',
              source: 'catalog',
              thumbnail: PLACEHOLDER,
            },
          ],
          source: 'catalog',
        },
        message: expect.any(String),
        shouldNotify: false,
        success: true,
      });
      expect(browse.random).toHaveBeenCalledWith();
    });
  });

  describe('GET /spotify/search', () => {
    it('should pass the trimmed query to the use-case', async () => {
      browse.search.mockResolvedValue(result('spotify'));

      const response = await request(app.getHttpServer())
        .get('/spotify/search')
        .query({ search: '  deja vu  ', user_id: '1' })
        .expect(200);

      expect(browse.search).toHaveBeenCalledWith('deja vu');
      expect(response.body.data.source).toBe('spotify');
    });

    it.each([
      ['missing', {}],
      ['empty', { search: '' }],
      ['blank', { search: '   ' }],
      ['too long', { search: 'a'.repeat(101) }],
      ['repeated', { search: ['a', 'b'] }],
    ])('should answer 400 when search is %s', async (_case, query) => {
      const response = await request(app.getHttpServer())
        .get('/spotify/search')
        .query(query)
        .expect(400);

      expectError(response.body, /search/);
      expect(browse.search).not.toHaveBeenCalled();
    });
  });

  describe('GET /spotify/:id', () => {
    it('should answer the track in a one-element list', async () => {
      const cover = 'https://i.scdn.co/image/x';
      browse.findById.mockResolvedValue({
        source: 'spotify',
        tracks: [track({ source: 'spotify', thumbnailUrl: cover })],
      });

      const response = await request(app.getHttpServer())
        .get(`/spotify/${TRACK_ID}`)
        .expect(200);

      expect(browse.findById).toHaveBeenCalledWith(TRACK_ID);
      expect(response.body.data.music).toHaveLength(1);
      expect(response.body.data.music[0].thumbnail).toBe(cover);
    });

    it.each([
      ['too short', 'abc'],
      ['too long', `${TRACK_ID}x`],
      ['not base62', '0gCJkpD0RhF2rjiALLHB-L'],
      ['percent-encoded', '0gCJkpD0RhF2rjiALLHB%20L'],
    ])('should answer 400 for an id %s', async (_case, id) => {
      const response = await request(app.getHttpServer())
        .get(`/spotify/${id}`)
        .expect(400);

      expectError(response.body, /id/);
      expect(browse.findById).not.toHaveBeenCalled();
    });

    it('should answer 404 when no source knows the id', async () => {
      browse.findById.mockRejectedValue(
        new NotFoundError('No track with this id'),
      );

      const response = await request(app.getHttpServer())
        .get('/spotify/fq5IIDXhG7NfcI9i1GGmnm')
        .expect(404);

      expectError(response.body, /track/);
    });
  });
});
