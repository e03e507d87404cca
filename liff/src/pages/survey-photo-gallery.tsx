import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api-client';
import { loadSurveyPhotoUrl, refusalText, type SurveyPhoto } from '../survey-admin-api';
import { thaiNumber } from '../thai-number';

// A named survey's photos (the 5ส before/after pictures) on the results page, grouped by the person
// who sent them. The API needs the Bearer token, so each picture is fetched as a blob: URL; only the
// first few are fetched at once, the rest when HR asks for them.

const FIRST = 12;

/** What the picture shows, by question: the 5ส template's two, else the question's own text. */
const PHOTO_LABELS: Readonly<Record<string, string>> = {
  photoBefore: 'ภาพก่อนทำกิจกรรม',
  photoAfter: 'ภาพหลังทำกิจกรรม',
};

export function photoLabel(questionId: string, questionText: string | undefined): string {
  return PHOTO_LABELS[questionId] ?? `ภาพ${questionText ? `: ${questionText}` : ''}`;
}

export function SurveyPhotoGallery({
  api,
  surveyId,
  photos,
  questionTexts,
}: {
  readonly api: ApiClient;
  readonly surveyId: string;
  readonly photos: readonly SurveyPhoto[];
  readonly questionTexts: Readonly<Record<string, string>>;
}) {
  const [limit, setLimit] = useState(FIRST);
  if (photos.length === 0) return <p>ยังไม่มีรูปที่บันทึกไว้</p>;
  const shown = photos.slice(0, limit);
  return (
    <>
      <ul class="survey-photos">
        {shown.map((p) => (
          <li key={p.messageId}>
            <figure>
              <Photo
                api={api}
                surveyId={surveyId}
                messageId={p.messageId}
                alt={`${photoLabel(p.questionId, questionTexts[p.questionId])} ของ ${p.name} (${p.divisionName})`}
              />
              <figcaption>
                <strong>{photoLabel(p.questionId, questionTexts[p.questionId])}</strong>
                <span>{p.name}</span>
                <span>{p.divisionName}</span>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
      {photos.length > shown.length ? (
        <button type="button" class="button" onClick={() => setLimit((n) => n + FIRST)}>
          แสดงรูปเพิ่ม (อีก {thaiNumber.format(photos.length - shown.length)} รูป)
        </button>
      ) : null}
    </>
  );
}

function Photo({
  api,
  surveyId,
  messageId,
  alt,
}: {
  readonly api: ApiClient;
  readonly surveyId: string;
  readonly messageId: string;
  readonly alt: string;
}) {
  const [state, setState] = useState<{ url: string } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    let url: string | undefined;
    loadSurveyPhotoUrl(api, surveyId, messageId).then(
      (u) => {
        url = u;
        if (live) setState({ url: u });
        else URL.revokeObjectURL(u);
      },
      (err: unknown) => live && setState({ error: refusalText(err) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [surveyId, messageId]);
  if (state === null)
    return (
      <p class="survey-photo-placeholder" role="status">
        กำลังโหลดรูป…
      </p>
    );
  if ('error' in state)
    return (
      <p class="survey-photo-placeholder survey-status-error" role="alert">
        {state.error}
      </p>
    );
  return <img src={state.url} alt={alt} loading="lazy" decoding="async" />;
}
