import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { Injectable } from '@nestjs/common';

import { EmotionClassifier, EmotionDetection } from '@vexora/emotion';
import { buildMoodAffinity, TrackRecommender } from '@vexora/music';

import { SavedDetection } from '../domain/history';
import { HistoryRepository } from '../domain/history.repository';

/** Tracks of this many latest detections are not handed out again. */
export const NO_REPEAT_DETECTIONS = 5;

/** Earlier detections of the same mood whose picks shape the user's taste. */
export const AFFINITY_DETECTIONS = 20;

export interface StageTimings {
  classifyMs: number;
  decodeMs: number;
  detectMs: number;
  rankMs: number;
  saveMs: number;
  /** The whole use-case, stages and what lies between them. */
  totalMs: number;
}

export interface MoodDetectionResult extends SavedDetection {
  detection: EmotionDetection;
  timings: StageTimings;
}

/**
 * The main job: a selfie in, the mood on its face and tracks for that mood
 * out, kept as the user's history. The image itself is never stored.
 */
@Injectable()
export class DetectMoodUseCase {
  constructor(
    private readonly classifier: EmotionClassifier,
    private readonly recommender: TrackRecommender,
    private readonly history: HistoryRepository,
  ) {}

  async execute(userUuid: string, image: Buffer): Promise<MoodDetectionResult> {
    const started = performance.now();
    const detection = await this.classifier.detect(image);

    const rankStart = performance.now();
    const [recentTrackIds, picks] = await Promise.all([
      this.history.recentTrackIds(userUuid, NO_REPEAT_DETECTIONS),
      this.history.moodPicks(userUuid, detection.mood, AFFINITY_DETECTIONS),
    ]);
    const tracks = await this.recommender.recommend({
      affinity: buildMoodAffinity(picks.artists, picks.genres),
      mood: detection.mood,
      recentTrackIds,
      seed: randomInt(2 ** 31),
      userId: userUuid,
    });
    const rankMs = performance.now() - rankStart;

    const saveStart = performance.now();
    const saved = await this.history.save({
      face: detection.face,
      mood: detection.mood,
      scores: detection.scores,
      tracks,
      userUuid,
    });
    const saveMs = performance.now() - saveStart;

    return {
      ...saved,
      detection,
      timings: {
        ...detection.timings,
        rankMs,
        saveMs,
        totalMs: performance.now() - started,
      },
    };
  }
}
