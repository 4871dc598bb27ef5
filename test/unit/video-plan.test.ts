import { masterPlaylist, planVideo, posterArgs, previewArgs, rungArgs, type VideoPlan, type VideoProbe } from '../../media/video-plan';

function probe(overrides: Partial<VideoProbe>): VideoProbe {
  return {
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationS: 12,
    width: 1920,
    height: 1080,
    rotation: 0,
    videoCodec: 'h264',
    hasAudio: true,
    bitRate: 8_000_000,
    ...overrides,
  };
}

const sizes = (plan: VideoPlan) => plan.rungs.map((r) => `${r.name} ${r.width}x${r.height}`);

function allArgs(plan: VideoPlan): string[][] {
  return [
    ...plan.rungs.map((r) => rungArgs('/in/src.mp4', `/out/${r.name}`, r, plan)),
    posterArgs('/in/src.mp4', '/out/poster.jpg', plan),
    previewArgs('/in/src.mp4', '/out/preview.mp4', plan),
  ];
}

function valueAfter(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

describe('planVideo ladder', () => {
  it('gives a 1080p landscape source all four rungs, highest first', () => {
    expect(sizes(planVideo(probe({})))).toEqual(['1080p 1920x1080', '720p 1280x720', '480p 854x480', '360p 640x360']);
  });

  it('keeps portrait sources portrait, with even sizes', () => {
    expect(sizes(planVideo(probe({ width: 1080, height: 1920 })))).toEqual([
      '1080p 1080x1920',
      '720p 720x1280',
      '480p 480x854',
      '360p 360x640',
    ]);
  });

  it('never upscales', () => {
    expect(sizes(planVideo(probe({ width: 1280, height: 720 })))).toEqual(['720p 1280x720', '480p 854x480', '360p 640x360']);
    expect(sizes(planVideo(probe({ width: 1000, height: 700 })))).toEqual(['480p 686x480', '360p 514x360']);
  });

  it('gives a source below 360p one rung at its own size', () => {
    const plan = planVideo(probe({ width: 320, height: 240 }));
    expect(sizes(plan)).toEqual(['360p 320x240']);
    expect(plan.rungs[0]?.videoKbps).toBeLessThan(800);
    expect(sizes(planVideo(probe({ width: 241, height: 321 })))).toEqual(['360p 240x320']);
  });

  it('rounds odd sizes to even without exceeding the source', () => {
    const plan = planVideo(probe({ width: 1281, height: 721 }));
    expect(sizes(plan)).toEqual(['720p 1280x720', '480p 852x480', '360p 640x360']);
    for (const r of plan.rungs) expect([r.width % 2, r.height % 2]).toEqual([0, 0]);
    expect(planVideo(probe({ width: 1279, height: 719 })).rungs.map((r) => r.name)).toEqual(['480p', '360p']);
  });

  it('plans from the display size a rotated probe reports', () => {
    // probeVideo swaps the coded 1920x1080 for rotation 90; ffmpeg rotates frames before the scale filter.
    const plan = planVideo(probe({ width: 1080, height: 1920, rotation: 90 }));
    expect(plan.rungs[0]).toMatchObject({ width: 1080, height: 1920 });
  });

  it('sets bitrates with headroom and levels that fit each size', () => {
    const [r1080, r720, r480, r360] = planVideo(probe({})).rungs;
    expect(r1080).toMatchObject({ videoKbps: 5000, maxKbps: 5350, bufferKbps: 7500, audioKbps: 128, profile: 'high', level: '4.0' });
    expect(r720).toMatchObject({ profile: 'high', level: '3.1' });
    // 854x480 at 30 fps is 48,600 macroblocks/s: over level 3.0's 40,500.
    expect(r480).toMatchObject({ profile: 'main', level: '3.1', audioKbps: 96 });
    expect(r360).toMatchObject({ profile: 'main', level: '3.0' });
    expect(planVideo(probe({ width: 2560, height: 1080 })).rungs[0]?.level).toBe('5.0');
  });
});

describe('ffmpeg arguments', () => {
  it('puts the protocol whitelist before -i in every command', () => {
    for (const plan of [planVideo(probe({})), planVideo(probe({ hasAudio: false, durationS: 0.5 }))]) {
      for (const args of allArgs(plan)) {
        const input = args.indexOf('-i');
        expect(input).toBeGreaterThan(0);
        expect(args.slice(input - 2, input + 2)).toEqual(['-protocol_whitelist', 'file', '-i', '/in/src.mp4']);
        expect(args.slice(0, 7)).toEqual(['-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y']);
      }
    }
  });

  it('writes an HLS rung with exact size, aligned keyframes and audio', () => {
    const plan = planVideo(probe({}));
    const rung = plan.rungs[1];
    if (!rung) throw new Error('no 720p rung');
    const args = rungArgs('/in/src.mp4', '/out/720p', rung, plan);
    expect(valueAfter(args, '-vf')).toBe('scale=w=1280:h=720,setsar=1');
    expect(valueAfter(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*4)');
    expect(valueAfter(args, '-sc_threshold')).toBe('0');
    expect(valueAfter(args, '-profile:v')).toBe('high');
    expect(valueAfter(args, '-level:v')).toBe('3.1');
    expect(valueAfter(args, '-maxrate')).toBe('2996k');
    expect(valueAfter(args, '-b:a')).toBe('128k');
    expect(valueAfter(args, '-hls_segment_filename')).toBe('/out/720p/seg_%03d.ts');
    expect(args.at(-1)).toBe('/out/720p/index.m3u8');
    expect(args).not.toContain('-an');
  });

  it('drops audio when the source has none', () => {
    const plan = planVideo(probe({ hasAudio: false }));
    for (const r of plan.rungs) {
      const args = rungArgs('/in/src.mp4', `/out/${r.name}`, r, plan);
      expect(args).toContain('-an');
      expect(args).not.toContain('-c:a');
    }
    expect(masterPlaylist(plan)).not.toContain('mp4a');
  });

  it('seeks the poster inside short clips and caps its width', () => {
    const short = planVideo(probe({ durationS: 0.5 }));
    expect(short.poster.atS).toBeCloseTo(0.05);
    expect(valueAfter(posterArgs('/in/src.mp4', '/out/p.jpg', short), '-ss')).toBe('0.05');
    const long = planVideo(probe({ durationS: 60, width: 3840, height: 2160 }));
    expect(long.poster).toEqual({ atS: 1, width: 1080 });
    const args = posterArgs('/in/src.mp4', '/out/p.jpg', long);
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(valueAfter(args, '-frames:v')).toBe('1');
    expect(valueAfter(args, '-vf')).toMatch(/^scale=w=1080:/);
  });

  it('makes a silent, short, small preview that starts playing early', () => {
    const plan = planVideo(probe({ durationS: 2 }));
    expect(plan.preview).toEqual({ seconds: 2, width: 320, fps: 15 });
    const args = previewArgs('/in/src.mp4', '/out/preview.mp4', plan);
    expect(valueAfter(args, '-t')).toBe('2');
    expect(args.filter((a) => a === '-map')).toHaveLength(1);
    expect(valueAfter(args, '-map')).toBe('0:v:0');
    expect(valueAfter(args, '-vf')).toMatch(/^fps=15,scale=w=320:/);
    expect(valueAfter(args, '-movflags')).toBe('+faststart');
    expect(planVideo(probe({ durationS: 30 })).preview.seconds).toBe(3);
  });
});

describe('masterPlaylist', () => {
  it('lists rungs highest first with bandwidth, resolution and codecs', () => {
    const text = masterPlaylist(planVideo(probe({})));
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS']);
    expect(lines.filter((l) => !l.startsWith('#'))).toEqual(['1080p/index.m3u8', '720p/index.m3u8', '480p/index.m3u8', '360p/index.m3u8']);
    expect(lines[3]).toBe('#EXT-X-STREAM-INF:BANDWIDTH=7353000,RESOLUTION=1920x1080,CODECS="avc1.640028,mp4a.40.2"');
    expect(lines[9]).toBe('#EXT-X-STREAM-INF:BANDWIDTH=1252000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('uses measured rates when it has them', () => {
    const text = masterPlaylist(planVideo(probe({ width: 640, height: 360 })), { '360p': { peakKbps: 900.4, averageKbps: 612 } });
    expect(text).toContain('#EXT-X-STREAM-INF:BANDWIDTH=900400,AVERAGE-BANDWIDTH=612000,RESOLUTION=640x360,');
  });
});
