package org.apache.camel.component.audiosocket.session;

/** Where a call's events go: in the component, the consumer, which turns each into an exchange for its route. */
public interface CallEventSink {

    /**
     * Delivers one event. The next event of the same call is not delivered before this one is done.
     *
     * @param  call     the call the event belongs to
     * @param  event    the event
     * @param  whenDone to run when the event is done, if that happens after this method returned false
     * @return          true when the event was done before this method returned (whenDone is then not run)
     */
    boolean deliver(CallSession call, CallEvent event, Runnable whenDone);
}
