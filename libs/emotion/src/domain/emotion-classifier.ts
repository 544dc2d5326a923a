import { Mood } from '@vexora/shared';

/** Face rectangle in the pixel space of the upright (EXIF-rotated) image. */
export interface FaceBox {
  height: number;
  width: number;
  x: number;
  y: number;
}

/** Milliseconds spent in each stage, for logs and the benchmark. */
export interface EmotionTimings {
  classifyMs: number;
  decodeMs: number;
  detectMs: number;
}

export interface EmotionDetection {
  face: FaceBox;
  /** Face-detector confidence, 0..1. */
  faceScore: number;
  mood: Mood;
  /** One probability per mood; they sum to 1. */
  scores: Record<Mood, number>;
  timings: EmotionTimings;
}

/**
 * Port: finds the main face in an encoded image and classifies its mood.
 * Implementations throw UnsupportedImageError, ImageTooLargeError or
 * NoFaceDetectedError for the expected failures.
 */
export abstract class EmotionClassifier {
  abstract detect(image: Buffer): Promise<EmotionDetection>;
}
