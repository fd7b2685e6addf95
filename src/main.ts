import './ui/app/gig-app';
