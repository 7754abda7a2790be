import { inWords, type Persona } from './sign-in';

interface Props {
  personas: Persona[] | null;
  current: string | null;
  signingIn: string | null;
  onChoose: (persona: Persona) => void;
}

/** The demo personas, one button each: one click signs in as that person (development identity provider). */
export function PersonaPicker({ personas, current, signingIn, onChoose }: Props) {
  return (
    <nav className="nwd-personas" aria-label="Sign in as a demo persona">
      <span className="nwd-label">{current ? 'Signed in as' : 'Sign in as'}</span>
      {(personas ?? []).map((persona) => (
        <button
          key={persona.key}
          type="button"
          data-persona={persona.key}
          aria-pressed={current === persona.key}
          disabled={signingIn !== null}
          title={`${persona.name}: ${inWords(persona.role)}, ${inWords(persona.agency)} (${persona.id})`}
          onClick={() => onChoose(persona)}
        >
          <span className="nwd-name">{persona.name}</span>
          <span className="nwd-role">
            {inWords(persona.role)} · {inWords(persona.agency)}
          </span>
        </button>
      ))}
    </nav>
  );
}
