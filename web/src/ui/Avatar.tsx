import { useState } from 'react';

/** The user's picture, or their initial on a tint when there is none or it fails to load. */
export function Avatar({ user, size }: { user: { displayName: string; avatarUrl?: string | null }; size: number }) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (!user.avatarUrl || failed) {
    return (
      <span className="avatar avatar-initial" style={{ ...style, fontSize: size * 0.5 }} aria-hidden="true">
        {user.displayName.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return <img className="avatar" style={style} src={user.avatarUrl} alt="" loading="lazy" onError={() => setFailed(true)} />;
}
