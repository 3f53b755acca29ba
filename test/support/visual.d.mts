export declare const visualDir: string;
export declare const updateSnapshots: boolean;
export declare const pixelThreshold: number;
export declare const maxDiffPixels: number;
export declare const visualOptions: Record<string, unknown>;
