import { MOODS, Mood } from '@vexora/shared';

/** The seven FER-2013 classes, in the order the mini-Xception model emits. */
export const FER_CLASSES = [
  'angry',
  'disgust',
  'fear',
  'happy',
  'sad',
  'surprise',
  'neutral',
] as const;

export type FerClass = (typeof FER_CLASSES)[number];

/** Probabilities in FER_CLASSES order. */
export type FerProbabilities = Float32Array;

/**
 * Where each FER class goes among the four moods; `null` drops the class and
 * the remaining mass is renormalised. Chosen by measurement on the shared
 * face set (see ml-models/README.md).
 */
export const FER_TO_MOOD: Record<FerClass, Mood | null> = {
  angry: 'angry',
  disgust: 'angry',
  fear: null,
  happy: 'happy',
  neutral: 'neutral',
  sad: 'sad',
  surprise: null,
};

export function toMoodScores(
  probabilities: FerProbabilities,
  mapping: Record<FerClass, Mood | null> = FER_TO_MOOD,
): Record<Mood, number> {
  const scores: Record<Mood, number> = {
    angry: 0,
    happy: 0,
    neutral: 0,
    sad: 0,
  };
  FER_CLASSES.forEach((ferClass, index) => {
    const mood = mapping[ferClass];
    if (mood) {
      scores[mood] += probabilities[index];
    }
  });
  const total = MOODS.reduce((sum, mood) => sum + scores[mood], 0);
  for (const mood of MOODS) {
    scores[mood] = total > 0 ? scores[mood] / total : 1 / MOODS.length;
  }

  return scores;
}

export function topMood(scores: Record<Mood, number>): Mood {
  return MOODS.reduce((best, mood) =>
    scores[mood] > scores[best] ? mood : best,
  );
}
