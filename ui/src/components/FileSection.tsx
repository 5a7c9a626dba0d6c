import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Heading, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiUpload } from '../api/client';
import { useChange } from '../api/hooks';
import { formatBytes } from '../lib/format';
import { ErrorAlert, Loading } from './common';

/** A stored file as the API tells it (an offer's or a provider's). */
export interface StoredFile {
  id: string;
  name: string;
  media_type: string;
  size: number;
  url: string;
}

const PICTURES = 'image/jpeg,image/png,image/webp';

/**
 * Upload and remove an owner's files of one role: an offer's worksheets or pictures, a provider's
 * logo or pictures. `base` is the owner's API address (`/api/v1/offers/<id>`); `texts` the prefix
 * of the section's texts under `files.` (`material`, `picture`, `logo`, `org_picture`).
 */
export function FileSection({
  base,
  role,
  texts,
  files,
  invalidate,
  pictures,
}: {
  base: string;
  role: string;
  texts: string;
  files: StoredFile[];
  invalidate: string[][];
  /** Only pictures are taken (else also PDF). */
  pictures: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nb';
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState('');
  const upload = useMutation<StoredFile, ApiError, File>({
    mutationFn: (file) => apiUpload<StoredFile>(`${base}/files?role=${role}&name=${encodeURIComponent(file.name)}`, file),
    onSuccess: (f) => {
      setDone(t('files.added', { name: f.name }));
      if (input.current) input.current.value = '';
      for (const key of invalidate) void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useChange<{ id: string }, void>('DELETE', (b) => `${base}/files/${b.id}`, invalidate);
  const id = `files-${texts}`;
  return (
    <section className="stack" aria-labelledby={id}>
      <Heading level={3} data-size="xs" id={id}>
        {t(`files.${texts}_heading`)}
      </Heading>
      <Paragraph data-size="sm">{t(`files.${texts}_help`)}</Paragraph>
      {files.length > 0 ? (
        <ul className="plain-list stack">
          {files.map((f) => (
            <li key={f.id} className="file-row">
              {f.media_type.startsWith('image/') && <img src={f.url} alt="" className="file-thumb" width={80} height={60} />}
              <Link href={f.url}>{f.name}</Link>
              <span className="muted">
                {t(`files.type_${f.media_type.replace(/\W/g, '_')}`)}, {formatBytes(lang, f.size)}
              </span>
              <Button
                variant="tertiary"
                data-size="sm"
                loading={remove.isPending && remove.variables?.id === f.id}
                onClick={() => remove.mutate({ id: f.id }, { onSuccess: () => setDone(t('files.removed', { name: f.name })) })}
              >
                {t('files.remove', { name: f.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('files.none')}</Paragraph>
      )}
      <Field>
        <Label htmlFor={`${id}-input`}>{t(`files.${texts}_add`)}</Label>
        <input
          id={`${id}-input`}
          ref={input}
          type="file"
          className="file-input"
          accept={pictures ? PICTURES : `application/pdf,${PICTURES}`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setDone('');
            if (file) upload.mutate(file);
          }}
        />
      </Field>
      {upload.isPending && <Loading label={t('files.uploading')} />}
      {upload.isError && <ErrorAlert error={upload.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <div role="status">{done && <Paragraph data-size="sm">{done}</Paragraph>}</div>
    </section>
  );
}
