import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

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
  return (
    <Dialog open={changes !== null} onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="save-changes-list">
        <DialogBody>
          <DialogTitle>Save these changes?</DialogTitle>
          <DialogContent>
            <ul id="save-changes-list">
              {(changes ?? []).map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={saving} onClick={onConfirm}>
              Save
            </Button>
            <Button disabled={saving} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
