import { notifications, type NotificationData } from '@mantine/notifications';
import { i18n } from '../i18n/index.js';

/** A toast whose close button has a name screen readers can announce. */
export function notify(data: NotificationData): void {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.closeNotification'), ...data.closeButtonProps } });
}
