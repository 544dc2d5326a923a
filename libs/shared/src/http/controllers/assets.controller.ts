import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import sharp from 'sharp';

import { Public } from '../decorators/public.decorator';

const ONE_DAY_SECONDS = 24 * 60 * 60;

/** A flat colour square with a lighter disc: enough to fill an image slot. */
function renderPlaceholder(
  background: string,
  foreground: string,
): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
    <rect width="300" height="300" fill="${background}"/>
    <circle cx="150" cy="150" r="80" fill="${foreground}"/>
  </svg>`;

  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * Placeholder images the service links to when a track has no cover or a
 * user has no picture, so every URL the app shows resolves to an image.
 * Served outside the API prefix at /assets/*, and embeddable by web
 * clients of other origins (helmet's default would forbid that).
 */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  private readonly images = new Map<string, Promise<Buffer>>([
    ['avatar', renderPlaceholder('#c7cdd6', '#eef1f5')],
    ['cover', renderPlaceholder('#3b2f63', '#8e7cc3')],
  ]);

  @Public()
  @Get('cover.png')
  @Header('Cache-Control', `public, max-age=${ONE_DAY_SECONDS}`)
  @Header('Cross-Origin-Resource-Policy', 'cross-origin')
  async cover(@Res() response: Response): Promise<void> {
    response.type('png').send(await this.images.get('cover'));
  }

  @Public()
  @Get('avatar.png')
  @Header('Cache-Control', `public, max-age=${ONE_DAY_SECONDS}`)
  @Header('Cross-Origin-Resource-Policy', 'cross-origin')
  async avatar(@Res() response: Response): Promise<void> {
    response.type('png').send(await this.images.get('avatar'));
  }
}
