import { Module } from '@nestjs/common';

import { EmotionClassifier } from './domain/emotion-classifier';
import { OnnxEmotionClassifier } from './infrastructure/onnx-emotion-classifier';

/** Mood from a selfie; AppConfig comes from the global ConfigModule. */
@Module({
  exports: [EmotionClassifier],
  providers: [{ provide: EmotionClassifier, useClass: OnnxEmotionClassifier }],
})
export class EmotionModule {}
