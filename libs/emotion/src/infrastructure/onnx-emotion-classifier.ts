import {
  Inject,
  Injectable,
  Logger,
  OnModuleDestroy,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import * as ort from 'onnxruntime-node';

import { AppConfig, Mood } from '@vexora/shared';

import {
  EmotionClassifier,
  EmotionDetection,
  FaceBox,
} from '../domain/emotion-classifier';
import { NoFaceDetectedError } from '../domain/emotion.errors';
import { BlazefaceFaceDetector, DetectedFace } from './blazeface-face-detector';
import { FaceExpressionModel } from './face-expression-model';
import { FER_TO_MOOD, FerClass, toMoodScores, topMood } from './fer-classes';
import { MiniXceptionEmotionModel } from './mini-xception-emotion-model';
import { createOnnxSession } from './onnx-session.factory';
import { PixelBox, RgbImage, sampleRgb } from './rgb-image';
import { DecodedImage, SharpImageDecoder } from './sharp-image-decoder';

/** Global knobs of the pipeline; defaults chosen on the shared face set. */
export interface EmotionPipelineOptions {
  /** Longest side of the one RGB decode used for detection and crops. */
  decodeMaxSide: number;
  /** Weight of face-api's FaceExpressionNet in the ensemble, 0..1. */
  faceApiWeight: number;
  /** Crop side as a multiple of the detector box's larger side. */
  faceMargin: number;
  /** Crop centre shift, as a fraction of the detector box height (down > 0). */
  faceShiftY: number;
  iouThreshold: number;
  mapping: Record<FerClass, Mood | null>;
  minFaceScore: number;
  /** Average each classifier over the face and its mirror image. */
  mirror: boolean;
}

export const DEFAULT_EMOTION_PIPELINE_OPTIONS: EmotionPipelineOptions = {
  decodeMaxSide: 512,
  faceApiWeight: 0.7,
  faceMargin: 1,
  faceShiftY: 0,
  iouThreshold: 0.3,
  mapping: FER_TO_MOOD,
  minFaceScore: 0.7,
  mirror: true,
};

export const EMOTION_PIPELINE_OPTIONS = Symbol('EMOTION_PIPELINE_OPTIONS');

export interface FaceMood {
  mood: Mood;
  scores: Record<Mood, number>;
}

/**
 * EmotionClassifier on onnxruntime: sharp decode, BlazeFace detection, then
 * an ensemble of the mini-Xception FER model and face-api.js's
 * FaceExpressionNet on the largest face. Sessions load once, at start-up.
 */
@Injectable()
export class OnnxEmotionClassifier
  extends EmotionClassifier
  implements OnModuleInit, OnModuleDestroy
{
  private readonly logger = new Logger(OnnxEmotionClassifier.name);
  private readonly decoder: SharpImageDecoder;
  private readonly options: EmotionPipelineOptions;
  private sessions: ort.InferenceSession[] = [];
  private detector?: BlazefaceFaceDetector;
  private miniXception?: MiniXceptionEmotionModel;
  private faceExpression?: FaceExpressionModel;

  constructor(
    @Inject(AppConfig)
    private readonly config: Pick<AppConfig, 'emotion' | 'images'>,
    @Optional()
    @Inject(EMOTION_PIPELINE_OPTIONS)
    options?: Partial<EmotionPipelineOptions>,
  ) {
    super();
    this.options = { ...DEFAULT_EMOTION_PIPELINE_OPTIONS, ...options };
    this.decoder = new SharpImageDecoder(config.images.maxPixels);
  }

  async onModuleInit(): Promise<void> {
    if (this.detector) {
      return;
    }

    const { modelsDir } = this.config.emotion;
    const [blazeface, emotion, faceExpression] = await Promise.all(
      ['blazeface.onnx', 'emotion.onnx', 'face-expression.onnx'].map((file) =>
        createOnnxSession(modelsDir, file),
      ),
    );
    this.sessions = [blazeface, emotion, faceExpression];
    this.detector = new BlazefaceFaceDetector(blazeface, {
      iouThreshold: this.options.iouThreshold,
      minScore: this.options.minFaceScore,
    });
    this.miniXception = new MiniXceptionEmotionModel(emotion);
    this.faceExpression = new FaceExpressionModel(faceExpression);
    this.logger.log(`Loaded emotion models from ${modelsDir}`);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.sessions.map((session) => session.release()));
    this.sessions = [];
    this.detector = undefined;
  }

  async detect(image: Buffer): Promise<EmotionDetection> {
    const started = performance.now();
    const decoded = await this.decoder.decode(
      image,
      this.options.decodeMaxSide,
    );
    const decodedAt = performance.now();
    const face = await this.findLargestFace(decoded);
    const detectedAt = performance.now();
    const { mood, scores } = await this.classifyBox(
      decoded,
      this.cropBox(face.box),
    );
    const classifiedAt = performance.now();

    return {
      face: toUprightBox(face.box, decoded),
      faceScore: face.score,
      mood,
      scores,
      timings: {
        classifyMs: classifiedAt - detectedAt,
        decodeMs: decodedAt - started,
        detectMs: detectedAt - decodedAt,
      },
    };
  }

  /** Classifies an image that is already a face crop, skipping detection. */
  async classifyFace(image: Buffer): Promise<FaceMood> {
    const decoded = await this.decoder.decode(
      image,
      this.options.decodeMaxSide,
    );

    return this.classifyBox(decoded, {
      height: decoded.height,
      width: decoded.width,
      x: 0,
      y: 0,
    });
  }

  /** Every face the detector accepts, strongest first; for tools and tests. */
  async detectFaces(image: Buffer): Promise<DetectedFace[]> {
    const decoded = await this.decoder.decode(
      image,
      this.options.decodeMaxSide,
    );
    const faces = await this.ready().detector.detect(decoded);

    return faces.map((face) => ({
      ...face,
      box: toUprightBox(face.box, decoded),
    }));
  }

  private async findLargestFace(image: RgbImage): Promise<DetectedFace> {
    const faces = await this.ready().detector.detect(image);
    if (faces.length === 0) {
      throw new NoFaceDetectedError();
    }

    return faces.reduce((largest, face) =>
      area(face.box) > area(largest.box) ? face : largest,
    );
  }

  private async classifyBox(image: RgbImage, box: PixelBox): Promise<FaceMood> {
    const { faceExpression, miniXception } = this.ready();
    const { faceApiWeight, mapping, mirror } = this.options;
    // One supersampled crop at the larger input size feeds both models.
    const large = sampleRgb(image, box, FaceExpressionModel.inputSize);
    const small = sampleRgb(
      {
        data: large,
        height: FaceExpressionModel.inputSize,
        width: FaceExpressionModel.inputSize,
      },
      {
        height: FaceExpressionModel.inputSize,
        width: FaceExpressionModel.inputSize,
        x: 0,
        y: 0,
      },
      MiniXceptionEmotionModel.inputSize,
    );
    const fer = await miniXception.predict(small, mirror);
    if (faceApiWeight > 0) {
      const faceApi = await faceExpression.predict(large, mirror);
      fer.forEach((value, index) => {
        fer[index] =
          (1 - faceApiWeight) * value + faceApiWeight * faceApi[index];
      });
    }

    const scores = toMoodScores(fer, mapping);

    return { mood: topMood(scores), scores };
  }

  private cropBox(box: PixelBox): PixelBox {
    const side = Math.max(box.width, box.height) * this.options.faceMargin;
    const centerX = box.x + box.width / 2;
    const centerY =
      box.y + box.height / 2 + box.height * this.options.faceShiftY;

    return {
      height: side,
      width: side,
      x: centerX - side / 2,
      y: centerY - side / 2,
    };
  }

  private ready() {
    const { detector, faceExpression, miniXception } = this;
    if (!detector || !faceExpression || !miniXception) {
      throw new Error('OnnxEmotionClassifier used before onModuleInit');
    }

    return { detector, faceExpression, miniXception };
  }
}

function area(box: PixelBox): number {
  return box.width * box.height;
}

/** Box in decoded pixels → upright original pixels, clipped and rounded. */
function toUprightBox(box: PixelBox, image: DecodedImage): FaceBox {
  const scale = image.originalWidth / image.width;
  const left = clamp(box.x * scale, image.originalWidth);
  const top = clamp(box.y * scale, image.originalHeight);
  const right = clamp((box.x + box.width) * scale, image.originalWidth);
  const bottom = clamp((box.y + box.height) * scale, image.originalHeight);

  return {
    height: Math.round(bottom - top),
    width: Math.round(right - left),
    x: Math.round(left),
    y: Math.round(top),
  };
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
