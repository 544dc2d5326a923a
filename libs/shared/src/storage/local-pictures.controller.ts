import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

import { AppConfig } from '../config/app-config';
import { NotFoundError } from '../errors/domain-error';
import { Public } from '../http/decorators/public.decorator';
import {
  LOCAL_PICTURE_NAME,
  LOCAL_PICTURES_ROUTE,
  localPicturesDir,
} from './local-disk-picture-storage';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Serves pictures kept by LocalDiskPictureStorage, outside the API prefix.
 * Names are random and never reused, so the files may be cached for good.
 */
@ApiExcludeController()
@Controller(LOCAL_PICTURES_ROUTE)
export class LocalPicturesController {
  constructor(private readonly config: AppConfig) {}

  @Public()
  @Get(':file')
  async picture(
    @Param('file') file: string,
    @Res() response: Response,
  ): Promise<void> {
    const bytes = await this.read(file);

    response
      .type(extname(file))
      .set('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`)
      // Helmet's same-origin default would stop web clients on other origins
      // from showing the picture in an <img>.
      .set('Cross-Origin-Resource-Policy', 'cross-origin')
      .send(bytes);
  }

  private async read(file: string): Promise<Buffer> {
    if (!LOCAL_PICTURE_NAME.test(file)) {
      throw new NotFoundError('Picture not found');
    }

    try {
      return await readFile(join(localPicturesDir(this.config), file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundError('Picture not found');
      }

      throw error;
    }
  }
}
