import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';

/** Before the settings are saved: what changes, in words, so a mode switch or turning off is never a surprise. */
export function SaveConfirmation({
  changes,
  saving,
  onConfirm,
  onCancel,
}: {
  changes: readonly string[] | null;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open={changes !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="save-changes-list">
        <DialogBody>
          <DialogTitle>{t('admin.confirm.title')}</DialogTitle>
          <DialogContent>
            <ul id="save-changes-list">
              {(changes ?? []).map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving} onClick={onConfirm}>
              {t('common.save')}
            </Button>
            <Button disabled={saving} onClick={onCancel}>
              {t('admin.confirm.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
