import { useId, useState } from 'react';
import { checkNumberSetting } from './validation';

interface Props {
  setting: 'autosaveIntervalSeconds' | 'defaultHealthCheckTimeoutSeconds';
  label: string;
  hint: string;
  value: number;
  /** Called only with a value main's schema accepts. */
  onValid(value: number): void;
}

/** A seconds field: checked on every keystroke; an invalid value shows why and is not sent. */
export function NumberSetting({ setting, label, hint, value, onValid }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const checked = checkNumberSetting(setting, text);
  return (
    <div className="preferences__row preferences__number">
      <label htmlFor={id} className="preferences__label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={!checked.ok}
        aria-describedby={`${id}-why`}
        data-testid={`pref-${setting}`}
        onChange={(event) => {
          setText(event.target.value);
          const next = checkNumberSetting(setting, event.target.value);
          if (next.ok && next.value !== value) onValid(next.value);
        }}
      />
      <span id={`${id}-why`} className={checked.ok ? 'muted' : 'preferences__invalid'} data-testid={`pref-${setting}-reason`} role={checked.ok ? undefined : 'alert'}>
        {checked.ok ? hint : checked.reason}
      </span>
    </div>
  );
}
