import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { modKeyLabel } from '../lib/keys';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const rows: Array<[string[][], string]> = [
    [[[modKeyLabel, 'N']], t.shortcuts.newRoom],
    [[[modKeyLabel, 'R'], ['F5']], t.shortcuts.refresh],
    [[[modKeyLabel, 'F'], ['/']], t.shortcuts.search],
    [[[modKeyLabel, 'Shift', 'T']], t.tourScreen.shortcutStartTour],
    [[['M'], [modKeyLabel, 'Shift', 'M']], t.tourScreen.shortcutMute],
    [[[modKeyLabel, 'Shift', 'P']], t.tourScreen.shortcutParticipants],
    [[[modKeyLabel, 'Shift', 'E']], t.tourScreen.shortcutEndRoom],
    [[['Shift', '?']], t.shortcuts.help],
    [[['Esc']], t.shortcuts.close],
  ];
  return (
    <Dialog title={t.shortcuts.title} onClose={onClose} closeLabel={t.shortcuts.closeButton}>
      <table className="shortcuts">
        <tbody>
          {rows.map(([combos, label]) => (
            <tr key={label}>
              <td>
                {combos.map((keys, index) => (
                  <span key={keys.join('+')}>
                    {index > 0 ? <span className="muted"> / </span> : null}
                    {keys.map((key, keyIndex) => (
                      <span key={key}>
                        {keyIndex > 0 ? '+' : null}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <th scope="row">{label}</th>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
