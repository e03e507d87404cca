import './hr-surveys.css';
import { useState } from 'preact/hooks';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import {
  type DivisionRate,
  downloadSurveyExport,
  loadSurveyResults,
  type QuestionResult,
  refusalText,
  SurveyApiError,
} from '../survey-admin-api';
import { percentText, thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { Bar, rateText, StatusBadge } from './survey-bars';
import { SurveyPhotoGallery } from './survey-photo-gallery';

// One survey's results for HR (and executives): the response rate overall and per division (small
// groups of an anonymous survey hidden, with the reason), each question's answers as bars, and the
// CSV/XLSX download of the answers; a named survey's photos (5ส before/after) as a gallery.

const shortDate = (iso: string) => formatThaiShortDate(thaiCivilDate(iso));

export function HrSurveyResultsPage({ api, params }: PageProps) {
  const id = params.id ?? '';
  const state = useAsync(() => loadSurveyResults(api, id));
  const [download, setDownload] = useState<{ tone: 'ok' | 'error' | 'busy'; text: string } | null>(null);

  if (state.status === 'loading') return <LoadingState label="กำลังรวบรวมผลสำรวจ…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={refusalText(state.error)}
        onRetry={
          state.error instanceof SurveyApiError && state.error.status > 0 && state.error.status < 500
            ? undefined
            : state.retry
        }
      />
    );
  const { survey, results, completions, exportRefusal } = state.value;
  const photoQuestions = results.questions.filter((q) => q.type === 'photo');

  async function fetchExport(format: 'csv' | 'xlsx') {
    setDownload({ tone: 'busy', text: 'กำลังเตรียมไฟล์…' });
    try {
      const name = await downloadSurveyExport(api, id, format);
      setDownload({ tone: 'ok', text: `ดาวน์โหลด ${name} แล้ว` });
    } catch (err) {
      setDownload({ tone: 'error', text: refusalText(err) });
    }
  }

  return (
    <>
      <h2>{survey.title}</h2>
      <p class="lead">
        <StatusBadge status={survey.status} /> {shortDate(survey.opensOn)} – {shortDate(survey.closesOn)}
        {survey.anonymous ? ' · ไม่ระบุตัวตน' : ''}
      </p>
      <p class="survey-note">คำถาม {survey.questionCountText}</p>

      <section class="survey-section" aria-labelledby="rate-title">
        <h2 id="rate-title">อัตราการตอบ</h2>
        <div class="bar-row">
          <span>ทั้งหมด</span>
          <Bar percent={results.ratePercent} />
          <span class="bar-figure">{rateText(survey)}</span>
        </div>
        {results.satisfactionPercent !== null ? (
          <p class="survey-figures">ร้อยละความพึงพอใจโดยรวม {percentText(results.satisfactionPercent)}</p>
        ) : null}
        <p class="survey-note">
          บันทึกการตอบ {thaiNumber.format(completions)} คน
          {survey.audienceCountedAtOpening ? '' : ' · จำนวนผู้ได้รับนับจากรายชื่อพนักงานปัจจุบัน'}
        </p>
        <DivisionTable divisions={results.divisions} minGroupSize={results.minGroupSize} />
      </section>

      <section class="survey-section" aria-labelledby="export-title">
        <h2 id="export-title">ดาวน์โหลดคำตอบ</h2>
        <div class="survey-actions">
          <button
            type="button"
            class="button"
            disabled={download?.tone === 'busy' || exportRefusal !== null}
            aria-describedby={exportRefusal ? 'export-refusal' : undefined}
            onClick={() => fetchExport('xlsx')}
          >
            ดาวน์โหลด Excel (XLSX)
          </button>
          <button
            type="button"
            class="button"
            disabled={download?.tone === 'busy' || exportRefusal !== null}
            aria-describedby={exportRefusal ? 'export-refusal' : undefined}
            onClick={() => fetchExport('csv')}
          >
            ดาวน์โหลด CSV
          </button>
        </div>
        {exportRefusal ? (
          <p id="export-refusal" class="survey-note">
            ยังดาวน์โหลดไม่ได้: {exportRefusal}
          </p>
        ) : null}
        <p
          role="status"
          aria-live="polite"
          class={download && download.tone !== 'busy' ? `survey-status-${download.tone}` : undefined}
        >
          {download?.text ?? ''}
        </p>
        {survey.anonymous ? (
          <p class="survey-note">ไฟล์ของแบบสำรวจที่ไม่ระบุตัวตนไม่มีชื่อ รหัสพนักงาน วันที่ตอบ หรือหน่วยงาน</p>
        ) : null}
      </section>

      <section class="survey-section" aria-labelledby="questions-title">
        <h2 id="questions-title">ผลรายข้อ</h2>
        {results.responses === 0 ? <p>ยังไม่มีผู้ตอบแบบสำรวจนี้</p> : null}
        {results.responses > 0 && results.withheld ? <p class="survey-note">{results.withheld}</p> : null}
        {results.questions.map((q, i) => (
          <QuestionCard key={q.questionId} q={q} n={i + 1} />
        ))}
        {results.definitions.map((d) => (
          <p key={d} class="survey-note">
            หมายเหตุ: {d}
          </p>
        ))}
      </section>
      {!survey.anonymous && photoQuestions.length > 0 ? (
        <section class="survey-section" aria-labelledby="photos-title">
          <h2 id="photos-title">ภาพกิจกรรม</h2>
          <SurveyPhotoGallery
            api={api}
            surveyId={id}
            photos={state.value.photos}
            questionTexts={Object.fromEntries(photoQuestions.map((q) => [q.questionId, q.text]))}
          />
        </section>
      ) : null}
      <p>
        <Link href="/hr/surveys">กลับไปที่รายการแบบสำรวจ</Link>
      </p>
    </>
  );
}

function DivisionTable({
  divisions,
  minGroupSize,
}: {
  readonly divisions: readonly DivisionRate[];
  readonly minGroupSize: number | null;
}) {
  if (divisions.length === 0) return null;
  return (
    <>
      <table class="survey-table">
        <caption class="visually-hidden">อัตราการตอบรายหน่วยงาน</caption>
        <thead>
          <tr>
            <th scope="col">หน่วยงาน</th>
            <th scope="col">ผู้ได้รับ (คน)</th>
            <th scope="col">ตอบแล้ว</th>
            <th scope="col">ความพึงพอใจ</th>
          </tr>
        </thead>
        <tbody>
          {divisions.map((d) => (
            <tr key={d.divisionId}>
              <th scope="row">{d.name}</th>
              <td>{thaiNumber.format(d.audience)}</td>
              {d.suppressed ? (
                <td colSpan={2} class="suppressed">
                  {d.suppressed}
                </td>
              ) : (
                <>
                  <td>
                    {thaiNumber.format(d.responses ?? 0)} ({percentText(d.ratePercent)})
                    <Bar percent={d.ratePercent} />
                  </td>
                  <td>{percentText(d.satisfactionPercent)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {minGroupSize !== null ? (
        <p class="survey-note">
          แบบสำรวจนี้ไม่ระบุตัวตน: หน่วยงานที่มีผู้ตอบน้อยกว่า {thaiNumber.format(minGroupSize)} คน
          ไม่แสดงผลเพื่อไม่ให้ระบุตัวผู้ตอบได้
        </p>
      ) : null}
    </>
  );
}

function Bars({
  rows,
}: {
  readonly rows: readonly { id: string; label: string; count: number; percent: number }[];
}) {
  return (
    <ul class="bar-list">
      {rows.map((r) => (
        <li key={r.id} class="bar-row">
          <span>{r.label}</span>
          <Bar percent={r.percent} />
          <span class="bar-figure">
            {thaiNumber.format(r.count)} คน ({thaiNumber.format(r.percent)}%)
          </span>
        </li>
      ))}
    </ul>
  );
}

function QuestionCard({ q, n }: { readonly q: QuestionResult; readonly n: number }) {
  const titleId = `q-${q.questionId}`;
  return (
    <article class="survey-question" aria-labelledby={titleId}>
      <h3 id={titleId}>
        ข้อ {n}. {q.text}
      </h3>
      <p class="survey-note">
        ตอบ {thaiNumber.format(q.answered)} คน
        {q.skipped > 0 ? ` · ข้าม ${thaiNumber.format(q.skipped)} คน` : ''}
      </p>
      <QuestionBody q={q} />
    </article>
  );
}

function QuestionBody({ q }: { readonly q: QuestionResult }) {
  const [all, setAll] = useState(false);
  switch (q.type) {
    case 'singleChoice':
    case 'multipleChoice':
      return <Bars rows={q.choices} />;
    case 'competencies':
      return q.picks.length > 0 ? <Bars rows={q.picks} /> : null;
    case 'likert':
      return (
        <>
          <Bars rows={q.distribution.map((d) => ({ ...d, label: `${d.id} ${d.label}` }))} />
          <p class="survey-figures">
            <span>ค่าเฉลี่ย {q.mean === null ? '–' : thaiNumber.format(q.mean)}</span>
            <span>ร้อยละความพึงพอใจ {percentText(q.satisfactionPercent)}</span>
            <span>ระดับ 4–5 {percentText(q.topTwoPercent)}</span>
          </p>
        </>
      );
    case 'number':
      return (
        <p class="survey-figures">
          <span>เฉลี่ย {q.mean === null ? '–' : thaiNumber.format(q.mean)}</span>
          <span>ต่ำสุด {q.min === null ? '–' : thaiNumber.format(q.min)}</span>
          <span>สูงสุด {q.max === null ? '–' : thaiNumber.format(q.max)}</span>
          {q.unit ? <span>({q.unit})</span> : null}
        </p>
      );
    case 'shortText':
    case 'longText': {
      const shown = all ? q.answers : q.answers.slice(0, 10);
      return (
        <>
          <ul class="survey-texts">
            {shown.map((a, i) => (
              // texts may repeat; in a read-only list their position is their identity
              <li key={i}>{a.value}</li>
            ))}
          </ul>
          {q.answers.length > shown.length ? (
            <button type="button" class="button" onClick={() => setAll(true)}>
              แสดงทั้งหมด {thaiNumber.format(q.answers.length)} ความเห็น
            </button>
          ) : null}
        </>
      );
    }
    case 'photo':
      return <p class="survey-figures">รูปทั้งหมด {thaiNumber.format(q.photoCount)} รูป</p>;
  }
}
