import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The 6-digit authenticator code: numeric keyboard on phones, filled in by password managers. */
export function CodeField(props: TextInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('twoStep.codeLabel')}
      description={t('twoStep.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      maw={240}
      {...props}
    />
  );
}
