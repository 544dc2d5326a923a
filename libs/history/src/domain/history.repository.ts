import { Mood } from '@vexora/shared';

import {
  HistoryEntry,
  HistoryPage,
  HistoryTrack,
  MoodPicks,
  NewDetection,
  SavedDetection,
} from './history';

/** Port for detection history. */
export abstract class HistoryRepository {
  /** Writes the detection and all its tracks atomically. */
  abstract save(detection: NewDetection): Promise<SavedDetection>;

  /**
   * Newest first, narrowed by `page`; null when `page.before` is not an
   * entry of this user.
   */
  abstract listForUser(
    userUuid: string,
    page?: HistoryPage,
  ): Promise<HistoryEntry[] | null>;

  /** The entry's tracks in order, or null when it does not exist or is not the user's. */
  abstract tracksOf(
    historyUuid: string,
    userUuid: string,
  ): Promise<HistoryTrack[] | null>;

  /** Most frequent mood (ties go to the most recent), or null without history. */
  abstract mostFrequentMood(userUuid: string): Promise<Mood | null>;

  /** Artists and genres of the tracks handed out in the user's latest `detections` detections of `mood`. */
  abstract moodPicks(
    userUuid: string,
    mood: Mood,
    detections: number,
  ): Promise<MoodPicks>;

  /** Ids of the tracks handed out in the user's latest `detections` detections. */
  abstract recentTrackIds(
    userUuid: string,
    detections: number,
  ): Promise<Set<string>>;
}
