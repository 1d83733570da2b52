import * as shared from '../../common/voice-params';
import { voiceProtocolError } from './voice-error';

export { expiryFromExpireTime, type DecodedChimeSign, type FetchedVoiceSignature } from '../../common/voice-params';

/** The shared decoders (common/voice-params.ts), failing in main as a protocol error the agent is told about. */
function asProtocolError<A extends unknown[], R>(decode: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return decode(...args);
    } catch (error) {
      if (error instanceof shared.VoiceParamsError) throw voiceProtocolError(error.message);
      throw error;
    }
  };
}

export const toSdkAppId = asProtocolError(shared.toSdkAppId);
export const toRoomId = asProtocolError(shared.toRoomId);
export const decodeChimeSign = asProtocolError(shared.decodeChimeSign);
export const toJoinParams = asProtocolError(shared.toJoinParams);
