import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';

/** A signing secret, shown this once with a copy button; closing the dialog forgets it. */
export function SecretOnce({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={secret !== null} onClose={onClose} aria-labelledby="secret-title">
      <DialogTitle id="secret-title">Signing secret</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy it now and give it to the receiver: it is shown only this once.
        </Alert>
        <TextField
          label="Signing secret"
          value={secret ?? ''}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'secret' } }}
        />
        {copied && (
          <Alert severity="success" role="status" sx={{ mt: 2 }}>
            Copied to the clipboard.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            void navigator.clipboard.writeText(secret ?? '').then(() => setCopied(true));
          }}
        >
          Copy secret
        </Button>
        <Button
          variant="contained"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
