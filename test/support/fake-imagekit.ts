import { randomBytes } from 'node:crypto';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeImageKitFile {
  bytes: Buffer;
  contentType: string;
  fileId: string;
  filePath: string;
  name: string;
}

/** Path under the fake's address that plays the role of the URL endpoint. */
const URL_ENDPOINT_PATH = '/vexora-test';

/**
 * A local stand-in for ImageKit speaking the wire format @imagekit/nodejs
 * uses: multipart POST /api/v1/files/upload and DELETE /v1/files/{fileId},
 * both with Basic auth (private key as user name). Uploaded files are served
 * back under the URL endpoint, as ImageKit's CDN would.
 */
export class FakeImageKit {
  readonly files = new Map<string, FakeImageKitFile>();
  readonly deleted: string[] = [];
  uploadAttempts = 0;

  private readonly server: Server;
  private baseUrl = '';
  private failures: { remaining: number; status: number } = {
    remaining: 0,
    status: 500,
  };

  constructor(
    readonly privateKey = `private_${randomBytes(12).toString('hex')}`,
  ) {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) =>
        this.send(response, 500, { message: String(error) }),
      );
    });
  }

  get url(): string {
    return this.baseUrl;
  }

  get urlEndpoint(): string {
    return `${this.baseUrl}${URL_ENDPOINT_PATH}`;
  }

  /** The variables that make the service use this fake. */
  environment(): Record<string, string> {
    return {
      IMAGEKIT_BASE_URL: this.baseUrl,
      IMAGEKIT_PRIVATE_KEY: this.privateKey,
      IMAGEKIT_PUBLIC_KEY: 'public_fake_key',
      IMAGEKIT_URL_ENDPOINT: this.urlEndpoint,
    };
  }

  /** The next `times` uploads answer `status` with an upstream error text. */
  failNextUploads(times = 1, status = 500): void {
    this.failures = { remaining: times, status };
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;

    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const body = await readBody(request);

    if (
      request.method === 'GET' &&
      url.pathname.startsWith(`${URL_ENDPOINT_PATH}/`)
    ) {
      return this.serve(url.pathname.slice(URL_ENDPOINT_PATH.length), response);
    }

    if (!this.authorised(request)) {
      return this.send(response, 401, {
        help: '',
        message: 'Your request does not contain private API key.',
      });
    }

    if (request.method === 'POST' && url.pathname === '/api/v1/files/upload') {
      return this.upload(request, body, response);
    }

    const deletion = /^\/v1\/files\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'DELETE' && deletion) {
      return this.delete(decodeURIComponent(deletion[1]), response);
    }

    this.send(response, 404, { message: 'Not found' });
  }

  private authorised(request: IncomingMessage): boolean {
    const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) {
      return false;
    }

    const [user] = Buffer.from(encoded, 'base64').toString('utf8').split(':');

    return user === this.privateKey;
  }

  private async upload(
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    this.uploadAttempts += 1;
    if (this.failures.remaining > 0) {
      this.failures.remaining -= 1;

      return this.send(response, this.failures.status, {
        message: 'Internal upstream detail: shard 7 is down',
      });
    }

    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': request.headers['content-type'] ?? '' },
    }).formData();
    const file = form.get('file');
    const fileName = form.get('fileName');
    if (!(file instanceof Blob) || typeof fileName !== 'string' || !fileName) {
      return this.send(response, 400, {
        help: '',
        message: 'Missing file or fileName parameter for upload.',
      });
    }

    const stored = this.store(
      Buffer.from(await file.arrayBuffer()),
      file.type,
      fileName,
      form.get('folder'),
    );
    this.send(response, 200, this.describe(stored));
  }

  private store(
    bytes: Buffer,
    contentType: string,
    fileName: string,
    folder: FormDataEntryValue | null,
  ): FakeImageKitFile {
    const fileId = randomBytes(12).toString('hex');
    const dot = fileName.lastIndexOf('.');
    const name =
      dot > 0
        ? `${fileName.slice(0, dot)}_${fileId.slice(0, 9)}${fileName.slice(dot)}`
        : `${fileName}_${fileId.slice(0, 9)}`;
    const directory =
      typeof folder === 'string' ? folder.replace(/^\/+|\/+$/g, '') : '';
    const filePath = directory ? `/${directory}/${name}` : `/${name}`;
    const stored = { bytes, contentType, fileId, filePath, name };
    this.files.set(fileId, stored);

    return stored;
  }

  /** The fields ImageKit's upload API answers with (the SDK's FileUploadResponse). */
  private describe(file: FakeImageKitFile): Record<string, unknown> {
    return {
      AITags: null,
      fileId: file.fileId,
      filePath: file.filePath,
      fileType: 'image',
      isPrivateFile: false,
      isPublished: true,
      name: file.name,
      size: file.bytes.length,
      thumbnailUrl: `${this.urlEndpoint}/tr:n-ik_ml_thumbnail${file.filePath}`,
      url: `${this.urlEndpoint}${file.filePath}`,
      versionInfo: { id: file.fileId, name: 'Version 1' },
    };
  }

  private delete(fileId: string, response: ServerResponse): void {
    if (!this.files.delete(fileId)) {
      return this.send(response, 404, {
        help: '',
        message: 'The requested file does not exist.',
      });
    }

    this.deleted.push(fileId);
    response.writeHead(204).end();
  }

  private serve(filePath: string, response: ServerResponse): void {
    const file = [...this.files.values()].find(
      (candidate) => candidate.filePath === filePath,
    );
    if (!file) {
      return this.send(response, 404, { message: 'Not found' });
    }

    response
      .writeHead(200, { 'content-type': file.contentType })
      .end(file.bytes);
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    response
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(body));
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks);
}
