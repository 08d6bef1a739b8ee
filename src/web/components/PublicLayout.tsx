import { Anchor, AppShell, Button, Group } from '@mantine/core';
import { notify } from '../lib/notify.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useSession, useSignOut } from '../api/session.js';
import { SkipLink } from './SkipLink.js';

/**
 * The frame for pages used before (or while) signing in: the app name and, when a
 * half-finished sign-in exists, a way to abandon it.
 */
export function BareLayout({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="blue.9">
            {t('app.name')}
          </Anchor>
          {session.data && (
            <Button
              variant="default"
              loading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onError: (error) => notify({ color: 'red', title: t('auth.signOutFailed'), message: error.message }),
                })
              }
            >
              {t('auth.signOut')}
            </Button>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <div style={{ maxWidth: narrow ? 480 : 1100, margin: '0 auto', width: '100%' }}>{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}

/** Route layout for the sign-in, two-step and invitation pages. */
export function PublicLayout() {
  return (
    <BareLayout narrow>
      <Outlet />
    </BareLayout>
  );
}
