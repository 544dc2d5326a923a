import { Injectable } from '@nestjs/common';

import { Mood, NotFoundError } from '@vexora/shared';

import { HistoryEntry, HistoryPage, HistoryTrack } from '../domain/history';
import { HistoryRepository } from '../domain/history.repository';

/** Read side of history: listing, one entry's tracks, the dominant mood. */
@Injectable()
export class HistoryQueries {
  constructor(private readonly history: HistoryRepository) {}

  async list(userUuid: string, page?: HistoryPage): Promise<HistoryEntry[]> {
    const entries = await this.history.listForUser(userUuid, page);
    if (!entries) {
      throw new NotFoundError('before is not one of your history entries');
    }

    return entries;
  }

  async tracksOf(
    userUuid: string,
    historyUuid: string,
  ): Promise<HistoryTrack[]> {
    const tracks = await this.history.tracksOf(historyUuid, userUuid);
    if (!tracks) {
      // Someone else's entry answers exactly like a missing one.
      throw new NotFoundError('No such history entry');
    }

    return tracks;
  }

  mostFrequentMood(userUuid: string): Promise<Mood | null> {
    return this.history.mostFrequentMood(userUuid);
  }
}
