import { Fragment } from 'react';
import { Link } from '@digdir/designsystemet-react';

/** Text with its http(s) addresses as links (kits hold links to files). */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <Link key={i} href={p} rel="noopener noreferrer">
            {p}
          </Link>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}
