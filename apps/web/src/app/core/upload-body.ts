import { HttpEvent, HttpEventType } from '@angular/common/http';
import type { WritableSignal } from '@angular/core';
import { filter, firstValueFrom, map, type Observable } from 'rxjs';

/**
 * The body of an upload's response, with `progress` following the upload in percent on the way. The
 * request must be made with `{ reportProgress: true, observe: 'events' }`.
 */
export function uploadBody<T>(
  events: Observable<HttpEvent<T>>,
  progress: WritableSignal<number>,
): Promise<T> {
  return firstValueFrom(
    events.pipe(
      map((event) => {
        if (event.type === HttpEventType.UploadProgress && event.total)
          progress.set(Math.round((event.loaded / event.total) * 100));
        return event.type === HttpEventType.Response ? event.body : null;
      }),
      filter((body): body is T => body !== null),
    ),
  );
}
