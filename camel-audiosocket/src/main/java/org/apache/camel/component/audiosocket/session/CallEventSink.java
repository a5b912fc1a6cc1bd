package org.apache.camel.component.audiosocket.session;

/** Where a call's events go: in the component, the consumer, which turns each into an exchange for its route. */
public interface CallEventSink {

    /**
     * Delivers one event. The next event of the same call is not delivered before this one is done.
     *
     * @param call     the call the event belongs to
     * @param event    the event
     * @param whenDone to run exactly once when the event is done, on any thread, before or after this method returns
     */
    void deliver(CallSession call, CallEvent event, Runnable whenDone);
}
