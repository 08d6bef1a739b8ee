import { Group, Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_TEXT } from '../theme.js';

/** Sets the browser tab's title while a page is shown. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);
}

interface PageProps {
  /** The page's only <h1>. */
  title: string;
  /** Shorter text for the browser tab, when the heading is long or personal. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, documentTitle, description, actions, children }: PageProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <Stack gap="lg" maw={1100} mx="auto" w="100%">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description && <Text c={SECONDARY_TEXT}>{description}</Text>}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

interface SectionProps {
  /** The section's <h2>; it also names the section for screen readers. */
  title: ReactNode;
  gap?: MantineSpacing;
  children?: ReactNode;
}

/** A bordered part of a page, announced by its heading. */
export function Section({ title, gap = 'md', children }: SectionProps) {
  const headingId = useId();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap={gap}>
        <Title order={2} id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
