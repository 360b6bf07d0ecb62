import { HttpClient, HttpParams } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

/** Bearer-authenticated downloads cannot use a plain link, so fetch the blob and hand it to the browser. */
export async function downloadBlob(
  http: HttpClient,
  url: string,
  fileName: string,
  params?: HttpParams,
): Promise<void> {
  const res = await firstValueFrom(http.get(url, { params, responseType: 'blob', observe: 'response' }));
  const name = fileNameFromDisposition(res.headers.get('Content-Disposition')) ?? fileName;
  const body = res.body ?? new Blob();
  const href = URL.createObjectURL(body);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : null;
}
