import { useTranslation } from 'react-i18next';

/** First thing a keyboard user reaches: jumps past the header to the page's content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="rapport-skip-link" href="#main-content">
      {t('nav.skipToContent')}
    </a>
  );
}
