import { Mood } from '@vexora/shared';
import { Track } from '@vexora/music';

export interface FaceRegion {
  height: number;
  width: number;
  x: number;
  y: number;
}

/** One saved mood detection. */
export interface HistoryEntry {
  createdAt: Date;
  face: FaceRegion | null;
  mood: Mood;
  scores: Record<Mood, number>;
  userUuid: string;
  uuid: string;
}

/** A track as it was handed out with a detection (a snapshot, not a reference). */
export interface HistoryTrack {
  createdAt: Date;
  historyUuid: string;
  position: number;
  track: Track;
  uuid: string;
}

export interface NewDetection {
  face: FaceRegion | null;
  mood: Mood;
  scores: Record<Mood, number>;
  tracks: Track[];
  userUuid: string;
}

export interface SavedDetection {
  entry: HistoryEntry;
  tracks: HistoryTrack[];
}

/** A window of a user's history, which is listed newest first. */
export interface HistoryPage {
  /** Only entries listed after this one (its uuid): older, or as old. */
  before?: string;
  /** At most this many entries; all of them when absent. */
  limit?: number;
}

/** What a user was handed for one mood: every credited artist and genre. */
export interface MoodPicks {
  artists: string[];
  genres: string[];
}
