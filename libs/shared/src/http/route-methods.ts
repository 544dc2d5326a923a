import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** The parts of an Express 5 router layer this reads. */
interface RouterLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean> };
}

/**
 * Answers which methods the routes matching a path accept, read from the
 * Express router Nest registered them on, so a wrong method on a known path
 * can be told apart from an unknown path (405 rather than 404).
 */
@Injectable()
export class RouteMethods {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * Methods that routes matching `path` accept, upper-case and sorted, for a
   * request with `method` that no route took. Routes accepting `method`
   * itself are skipped: they are middleware mounted for every method (a real
   * route for it would have taken the request).
   */
  allowedFor(path: string, method: string): string[] {
    const instance = this.adapterHost.httpAdapter?.getInstance() as
      { router?: { stack?: RouterLayer[] } } | undefined;
    const methods = new Set<string>();

    for (const layer of instance?.router?.stack ?? []) {
      if (
        !layer.route ||
        layer.route.methods[method.toLowerCase()] ||
        !layer.match(path)
      ) {
        continue;
      }

      for (const [name, enabled] of Object.entries(layer.route.methods)) {
        if (enabled && name !== '_all') {
          methods.add(name.toUpperCase());
        }
      }
    }

    // Express answers HEAD with the GET handler.
    if (methods.has('GET')) {
      methods.add('HEAD');
    }

    return [...methods].sort();
  }
}
